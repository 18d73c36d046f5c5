"""Titles for proposed events: who did what, from the clause that holds the date.

A title names what happened: the subject, verb and object of the clause the date belongs to, three
to nine words, never opening with a preposition (``In Bucharest``) or an auxiliary (``Will be
completed``) and never cut inside a word. A small rule-based parse does this, fast enough to read a
long report at once (see ``bench.extract``): the sentence, with its date expressions taken out, is
split into clause pieces at commas, semicolons, dashes and at ``and``/``but`` where a new clause
starts; the piece holding the date is used when it is a clause. A piece that is only an adverbial
(``at the symbolic place where…``) gives way to the nearest main clause; one that lacks its
subject (``…and will be completed for Orion``, ``which arrived in July``) borrows the subject of
the clause before it; a subordinate clause (``after the war ended``) loses its conjunction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MOST_WORDS = 9
FEWEST_WORDS = 3

_AUXILIARY_TEXT = """
    is are was were be been being am has have had having do does did will would shall should can
    could may might must 's 're 've 'd 'll"""
_AUXILIARIES = frozenset(_AUXILIARY_TEXT.split())
_PREPOSITION_TEXT = """
    in on at of by for from to with during since until till after before between through into onto
    over under about around across along among amid despite per via within without near against
    towards toward beyond behind beside besides upon throughout"""
_PREPOSITIONS = frozenset(_PREPOSITION_TEXT.split())
_EVENT_PREPOSITIONS = frozenset({"after", "before", "since", "until", "following"})
"""Words that name an event by its noun: ``after the invasion``, ``since the flood``."""
_HANDING_ON = frozenset({"that", "so", "when", "because", "if", "where", "while", "as", "until"})
_SUBORDINATOR_TEXT = """
    after before when whenever while as since because although though once until till if unless
    whereas"""
_SUBORDINATORS = frozenset(_SUBORDINATOR_TEXT.split())
_RELATIVES = frozenset({"which", "who", "whom", "whose", "that", "where"})
_DETERMINER_TEXT = """
    the a an this that these those his her its their our my your some many several no every each
    all both"""
_DETERMINERS = frozenset(_DETERMINER_TEXT.split())
_PRONOUNS = frozenset({"i", "he", "she", "it", "we", "they", "you", "there", "one"})
_IRREGULAR_TEXT = """
    began begun came come went gone took taken made got left saw seen met told gave given found
    fell fallen rose risen won lost became broke broken ran wrote written sent held kept brought
    built bought paid led fought spent stood felt heard knew known grew grown drew flew chose
    spoke sold struck said says say hit put set shut cut let burst spread cast quit read sank sunk
    swept slept sat rode drove driven ate fed fled forbade froze hid hung laid lay lent lit meant
    shot shook shone sought stole stuck stung strove swore swung taught thought threw thrown tore
    wore woke wept wound withdrew threw overthrew arose awoke bore forgot forgave understood
    undertook overtook dealt dug swam sang rang sprang drank shrank dies died opens opened closes
    meets marks remains runs ends begins
    takes makes comes goes gets holds leaves falls rises plans wants needs starts visits"""
_IRREGULAR_VERBS = frozenset(_IRREGULAR_TEXT.split())
_NOT_VERBS_TEXT = """
    hundred red bed need speed seed feed indeed deed shed bred sled wed united limited naked
    sacred wicked aged beloved learned"""
_NOT_VERBS = frozenset(_NOT_VERBS_TEXT.split())
_PARTICIPLE_TEXT = """
    built made taken given found held kept brought bought paid led sold struck written broken known
    grown drawn flown chosen spoken seen shown begun won lost sent spent stolen torn worn born"""
_PARTICIPLES = frozenset(_PARTICIPLE_TEXT.split())
_SPEECH_TEXT = """
    said says say told announced reported noted added confirmed stated explained warned claimed
    wrote writes argued believed believes thinks thought hoped agreed insisted suggested admitted
    denied"""
_SPEECH_VERBS = frozenset(_SPEECH_TEXT.split())
_FUNCTION_TEXT = """
    the a an and or but of in on at by for from to with as that which who whose where when its
    their his her this these those into than other some such"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())

_PIECE_BREAK = re.compile(
    r"\s*(?:[;:()“”\"‘]|’(?![A-Za-z])|,(?=\s)|\s[–—-]\s|[–—]|--)\s*"
    r"|\s*\b(?i:that\s+is|this\s+is|which\s+is|that's|this\s+was|that\s+was)\s+why\s+"
    r"|\s+(?=(?:since|after|before|when|while|because|until|once)\s+(?:he|she|it|they|we|I|the|a|an"
    r"|his|her|its|their|our|my|[A-Z][\w'’-]*)\s)"
    r"|\s+(?:and|but|then)\s+(?=(?:(?:he|she|it|they|we|I|there|the|a|an|his|her|its|their)\b"
    r"|(?:will|would|was|were|is|are|has|have|had|could|should|may|might|did|then|later)\b"
    r"|[a-z]+ed\b|[A-Z][\w'’-]*\s+(?:was|were|is|are|has|had|will|[a-z]+ed)\b))"
    r"|\s+that\s+(?=(?:he|she|it|they|we|I|there|the|a|an|his|her|its|their|[A-Z][\w'’-]*)\b)"
)
_LEADING_JUNK = re.compile(
    r"^(?:[\s,;:–—-]|(?i:and|but|then|so|also|however|thus|meanwhile|yet|still|later|afterwards)\b)+"
)
_TRAILING_JUNK = re.compile(
    r"(?:[\s,;:–—-]|\b(?i:in|on|at|of|by|during|from|since|between|until|till|to|and|or|but|the|a|an"
    r"|around|about|as|with|for|which|that|who|where|when|than|so)\b)+$"
)


def make_title(
    sentence: str,
    removals: Sequence[tuple[int, int]],
    target: int,
    asides: Sequence[tuple[int, int]] = (),
    date_words: str = "",
) -> str:
    """The title for the date at ``removals[target]`` in ``sentence``. Each removal is a date's
    words with those that introduce it; ``asides`` are asides holding other dates, left out;
    ``date_words`` are the date as written, kept when the date is the clause's subject."""
    pieces, own = _pieces(sentence, [*removals, *asides], target, len(removals))
    if not pieces:
        return ""
    if date_words and _date_is_subject(sentence, removals[target], pieces[own]):
        title = _finished([*date_words.split(), *pieces[own]])  # "yesterday was his birthday"
        return title[:1].upper() + title[1:]
    index = _clause_for(pieces, own)
    words = _clause_words(pieces, index)
    if len(words) < FEWEST_WORDS:
        words = _widened(pieces, index, words)
    return _finished(words)


def _date_is_subject(sentence: str, removal: tuple[int, int], words: Sequence[str]) -> bool:
    """``[Yesterday] was his birthday``, ``[Last August the 11th] brought the capture``, but not
    ``[not until last October] were we able``, where the subject follows its verb."""
    following = sentence[removal[1] :].split()
    if not words or not following or following[0] != words[0] or _first_verb(words) != 0:
        return False
    return len(words) < 2 or words[1].lower() not in _PRONOUNS


# Pieces --------------------------------------------------------------------------------------


def _pieces(
    sentence: str, removals: Sequence[tuple[int, int]], target: int, first_aside: int
) -> tuple[list[list[str]], int]:
    """The sentence's clause pieces as word lists, and which piece held the target date."""
    marker = "\x00"
    kept, position = [], 0
    for number, (start, end) in sorted(enumerate(removals), key=lambda item: item[1]):
        if end <= position:
            continue
        kept.append(sentence[position : max(position, start)])
        kept.append(f" {marker} " if number == target else " , " if number >= first_aside else " ")
        position = max(position, end)
    kept.append(sentence[position:])
    text = "".join(kept).rstrip(" .!?")
    pieces: list[list[str]] = []
    asides: list[bool] = []
    own, opener, position, passed_on = 0, "", 0, False
    for match in [*_PIECE_BREAK.finditer(text), None]:
        words = text[position : match.start() if match else len(text)].split()
        if passed_on and words:
            own, passed_on = len(pieces), False
        if marker in words:
            own = len(pieces)
            at = words.index(marker)
            # "so that [next year] we shall produce…": the date belongs to the clause that follows
            passed_on = at == len(words) - 1 and at > 0 and words[at - 1].lower() in _HANDING_ON
            words = [word for word in words if word != marker]
        if opener == "that" and words and _first_verb(words) == len(words) - 1 and len(words) <= 3:
            words = ["that", *words]  # "the goal that we set": an object relative
        if opener == "that" and pieces and not _is_whole_clause(pieces[-1]) and own != len(pieces):
            pieces[-1] = [*pieces[-1], "that", *words]  # "the place where they declared that…"
        elif opener == "(" and own != len(pieces):
            pass  # a parenthesis about something else lends no subject or title
        elif words or own == len(pieces):
            pieces.append(words)
            asides.append(opener == ",")
        if match is not None:
            opener, position = match.group().strip(), match.end()
    for number, words in enumerate(pieces):
        if asides[number] and number and _is_bare_participle(words):
            pieces[number] = _aside_subject(pieces[number - 1]) + words  # ", built in 1987,"
    return pieces, own


def _clause_for(pieces: list[list[str]], own: int) -> int:
    """The piece to name the event by: the date's own, unless it is no clause of its own."""
    words = pieces[own]
    if _is_clause(words) or _lacks_subject(words) or _is_nominal(words) or _is_relative(words):
        return own
    if _is_object_relative(words):
        return own
    order = [
        number
        for number in sorted(range(len(pieces)), key=lambda number: (abs(number - own), number < own))
        if number != own and pieces[number]
    ]
    for wanted in (_is_whole_clause, _lacks_subject, _is_nominal, bool):
        found = next((number for number in order if wanted(pieces[number])), None)
        if found is not None:
            return found
    return own


def _is_object_relative(words: Sequence[str]) -> bool:
    """``which I created``: a clause whose object is the noun before it."""
    verb = _first_verb(words)
    return bool(words) and words[0].lower() in ("which", "that", "whom") and verb is not None and verb >= 2


def _is_relative(words: Sequence[str]) -> bool:
    """``which arrived in July``: a clause about the noun before it."""
    return bool(words) and words[0].lower() in ("which", "who", "that") and _first_verb(words[1:]) == 0
    # (at the start of a sentence "That is…" is no relative clause: see _clause_words)


def _is_whole_clause(words: Sequence[str]) -> bool:
    """A clause with its own subject, and not a noun with a clause about it (``an address of
    such note that I send it``)."""
    if not _is_clause(words) or _lacks_subject(words):
        return False
    verb = _first_verb(words)
    assert verb is not None
    about_the_noun = any(word.lower() in _RELATIVES for word in words[1:verb])
    return not (about_the_noun and words[0].lower() in _DETERMINERS)


def _is_nominal(words: Sequence[str]) -> bool:
    """``the invasion of Ukraine``: a thing that happened, named without a verb."""
    if len(words) < 2 or _first_verb(words) is not None:
        return False
    first = words[0].lower()
    if first in _EVENT_PREPOSITIONS:
        return words[1].lower() in _DETERMINERS  # "after the invasion of Ukraine [on 24 February]"
    return first not in _PREPOSITIONS and first not in _SUBORDINATORS and first not in _RELATIVES


def _clause_words(pieces: list[list[str]], index: int) -> list[str]:
    words = list(pieces[index])
    if not words:
        return words
    if len(words) <= 2 and words[-1].lower() in _SPEECH_VERBS and index + 1 < len(pieces):
        return [*words, *_clause_words(pieces, index + 1)]  # "Ministers said NATO leaders will meet"
    first = words[0].lower()
    if first in _SUBORDINATORS and _first_verb(words[1:]) is not None:
        words = _first_clause_only(words[1:])  # "after the war ended": the war ended
    elif _is_relative(words) and index > 0:
        antecedent = _antecedent(pieces, index)  # "…a new convention, which goes into effect"
        if not antecedent and index > 0:
            return _clause_words(pieces, index - 1)  # "…until the mill closed, that was 1981"
        words = antecedent + words[1:]
    elif _is_object_relative(words):
        antecedent = _antecedent(pieces, index)  # "the Office, which I created": I created the Office
        verb = _first_verb(words)
        assert verb is not None
        if antecedent and antecedent[0].lower() in _DETERMINERS:
            antecedent = [antecedent[0].lower(), *antecedent[1:]]
        words = [*words[1 : verb + 1], *antecedent, *words[verb + 1 :]]
    elif first in _EVENT_PREPOSITIONS and _is_nominal(words):
        words = _named_thing(words)  # "after the invasion of Ukraine": the invasion of Ukraine
    elif first in _PREPOSITIONS:
        words = _without_leading_phrase(words)
    elif _is_nominal(words) and _verb_after_subject(pieces, index):
        words = [*pieces[index - 1], *words]  # "Their report, [published in 1938,] dates the phase"
    elif _is_nominal(words):
        words = _named_thing(words)
    if len(words) > 1 and words[0].lower() in _AUXILIARIES and words[1].lower() in _PRONOUNS - {"there"}:
        pronoun = words[1] if words[1] == "I" else words[1].lower()
        words = [pronoun, words[0].lower(), *words[2:]]  # "[not until October] were we able": we were
    if words and _lacks_subject(words):
        words = _subject_before(pieces, index, _is_bare_participle(words)) + words
    return _without_relative_pronoun(words)


def _first_clause_only(words: list[str]) -> list[str]:
    """``I presented my program to the Congress have made it clear``: up to the second verb, which
    belongs to the sentence the clause was part of."""
    verb = _first_verb(words)
    if verb is None:
        return words
    for index in range(verb + 2, len(words)):
        previous = words[index - 1].lower()
        if (
            words[index].lower() in _AUXILIARIES
            and previous not in _PRONOUNS
            and previous not in _AUXILIARIES
        ):
            return words[:index]
    return words


def _verb_after_subject(pieces: list[list[str]], index: int) -> bool:
    """``dates the first phase`` after a subject with no verb of its own: a verb in ``-s``."""
    if index == 0 or not pieces[index - 1] or _first_verb(pieces[index - 1]) is not None:
        return False
    first, before = pieces[index][0], pieces[index - 1]
    starts = before[0].lower()
    if starts in _PREPOSITIONS or starts in _SUBORDINATORS or starts in _RELATIVES:
        return False
    return first.islower() and first.endswith("s") and not first.endswith("ss") and len(first) > 3


def _without_relative_pronoun(words: list[str]) -> list[str]:
    """``The Congress which met at Paris``: the Congress met at Paris."""
    for index in range(1, min(len(words) - 1, 7)):
        if words[index].lower() in ("which", "who") and _first_verb(words) == index + 1:
            return [*words[:index], *words[index + 1 :]]
    return words


def _antecedent(pieces: list[list[str]], index: int) -> list[str]:
    """The noun phrase a relative clause is about: the last one of the piece before it."""
    if index == 0:
        return []
    phrase = _noun_phrase_at_end(pieces[index - 1])
    return phrase if _first_verb(phrase) is None else []


def _widened(pieces: list[list[str]], index: int, words: list[str]) -> list[str]:
    """A title of fewer than three words takes in the piece next to it when that adds no clause."""
    for number in (index + 1, index - 1):
        if 0 <= number < len(pieces) and not _is_clause(pieces[number]):
            other = pieces[number]
            if other and other[0].lower() not in _PREPOSITIONS | _SUBORDINATORS | _RELATIVES:
                continue
            joined = [*words, *other] if number > index else [*other, *words]
            if len(joined) <= MOST_WORDS and other:
                return joined if number > index else _without_leading_phrase(joined)
    return words


# Words ---------------------------------------------------------------------------------------


def _is_verb(words: Sequence[str], index: int) -> bool:
    word = words[index].strip("\"'“”‘’()[],.;:!?")
    lowered = word.lower()
    if not lowered or lowered in _NOT_VERBS:
        return False
    if lowered in _AUXILIARIES or lowered in _IRREGULAR_VERBS:
        return True
    previous = words[index - 1].lower() if index else ""
    if lowered.endswith("ed") and len(lowered) > 3 and (word[0].islower() or index == 0):
        return previous not in _DETERMINERS and previous not in _PREPOSITIONS
    if previous in _PRONOUNS - {"one", "there", "it"} and lowered.isalpha() and word[0].islower():
        return lowered not in _PREPOSITIONS and lowered not in _FUNCTION_WORDS and not lowered.endswith("ly")
    return lowered.endswith("n't")


def _is_bare_participle(words: Sequence[str]) -> bool:
    """``built [in 1987]``, ``extended [in the 1970s] by the council``: a past participle with
    nothing after it but its agent, so a passive (``moved into motor cars`` and ``reached the
    floor`` are active verbs)."""
    if not words or (len(words) > 1 and words[1].lower() != "by"):
        return False
    first = words[0].lower()
    return (first.endswith("ed") and first not in _NOT_VERBS and len(first) > 3) or first in _PARTICIPLES


def _first_verb(words: Sequence[str]) -> int | None:
    return next((index for index in range(len(words)) if _is_verb(words, index)), None)


def _is_clause(words: Sequence[str]) -> bool:
    """A subject and a verb, not a phrase that only says where or when."""
    if not words or _first_verb(words) is None:
        return False
    first = words[0].lower()
    if first in _PREPOSITIONS:
        return _subject_start(words) is not None
    return first not in _RELATIVES


def _lacks_subject(words: Sequence[str]) -> bool:
    """``will be completed``, ``was signed on Monday``: a verb first, its subject elsewhere."""
    return bool(words) and _first_verb(words) == 0 and words[0].lower() not in ("there",)


def _subject_start(words: Sequence[str]) -> int | None:
    """After an opening phrase (``By the evening it had…``), where the clause's subject begins."""
    verb = _first_verb(words)
    if verb is None or verb < 2:
        return None
    if any(word.lower() in _RELATIVES | _SUBORDINATORS for word in words[1:verb]):
        return None  # "at the place where they declared…": the clause belongs to the phrase
    start, found = verb, False
    while start > 1 and not found:
        previous = words[start - 1].lower()
        if previous in _AUXILIARIES:
            found = True
            break
        start -= 1
        # the subject starts at a pronoun, or at a determiner that no preposition governs:
        # "…of Congress the minister of the United States at Madrid was instructed"
        found = previous in _PRONOUNS or (
            previous in _DETERMINERS and words[start - 1].lower() not in _PREPOSITIONS
        )
    if not found and start <= 1:
        return 1 if words[1].lower() in _DETERMINERS | _PRONOUNS else None
    return start if start < verb else None


def _named_thing(words: list[str]) -> list[str]:
    """``A year after the invasion of Ukraine``: the invasion of Ukraine."""
    if words[0].lower() in _EVENT_PREPOSITIONS:
        return words[1:]
    for index in range(1, min(len(words) - 1, 4)):
        if words[index].lower() in _EVENT_PREPOSITIONS and words[index + 1].lower() in _DETERMINERS:
            return words[index + 1 :]
    return words


def _without_leading_phrase(words: list[str]) -> list[str]:
    start = _subject_start(words)
    return words[start:] if start is not None else words


def _subject_before(pieces: list[list[str]], index: int, participle: bool = False) -> list[str]:
    """The subject of the nearest piece before ``index`` that has one; with ``participle``, its
    auxiliary too when it had one (``the hall was built in 1928 and extended…``)."""
    for number in range(index - 1, -1, -1):
        words = pieces[number]
        if not words or words[0].lower() in _RELATIVES | _SUBORDINATORS:
            continue
        if words[0].lower() in _PREPOSITIONS:
            start = _subject_start(words)
            if start is None:
                continue
            words = words[start:]
        verb = _first_verb(words)
        if verb is None:
            return list(words)
        if verb > 0:
            subject = list(words[:verb])
            auxiliary = words[verb].lower()
            if participle and auxiliary in _AUXILIARIES and verb + 1 < len(words):
                subject.append(words[verb])
            return subject
    return []


def _noun_phrase_at_end(words: Sequence[str]) -> list[str]:
    """``the flood wall`` in ``repairs to the flood wall``; ``The Office of the U.S. Coordinator``
    whole (a phrase joined by ``of`` or ``for`` is one)."""
    if not words:
        return []
    determiners = [index for index in range(len(words)) if words[index].lower() in _DETERMINERS]
    start = determiners[-1] if determiners else max(0, len(words) - 3)
    while start >= 2 and words[start - 1].lower() in ("of", "for"):
        earlier = [index for index in determiners if index < start - 1]
        if not earlier:
            break
        start = earlier[-1]
    return list(words[start:])


def _aside_subject(words: Sequence[str]) -> list[str]:
    """The noun phrase an aside follows (``the flood wall`` in ``repairs to the flood wall, built…``),
    with the verb that makes the participle a clause."""
    phrase = _noun_phrase_at_end(words)
    if not phrase or _first_verb(phrase) is not None:
        return []
    last = phrase[-1].lower()
    plural = last.endswith("s") and not last.endswith(("ss", "us")) and not phrase[-1][0].isupper()
    return [*phrase, "were" if plural else "was"]


def _finished(words: list[str]) -> str:
    text = " ".join(words)
    text = re.sub(r"\s+([,;:.!?)])", r"\1", text).replace("( ", "(").replace("()", "")
    text = _TRAILING_JUNK.sub("", _LEADING_JUNK.sub("", text)).strip(" .!?,;:")
    text = _TRAILING_JUNK.sub("", text)
    words = text.split()
    if len(words) > MOST_WORDS:
        words = _shortened(words)
    text = _TRAILING_JUNK.sub("", " ".join(words))
    return text[:1].upper() + text[1:]


def _shortened(words: list[str]) -> list[str]:
    """At most nine words, ending before a phrase rather than in the middle of one; a long subject
    loses its phrases first, so that the verb is kept."""
    verb = _first_verb(words)
    if verb is not None and verb > 4:
        for prepositions in (_PREPOSITIONS - {"of"}, _PREPOSITIONS):
            cut = next((index for index in range(2, verb) if words[index].lower() in prepositions), None)
            if cut is not None:
                words = [*words[:cut], *words[verb:]]
                break
    if len(words) <= MOST_WORDS:
        return words
    verb = _first_verb(words) or 0
    for end in range(verb + 2, MOST_WORDS + 1):  # the verb and its object, before the next phrase
        following = words[end].lower().strip(",;")
        if words[end - 1].lower().endswith("ly"):
            continue  # "cut nearly in half": the phrase belongs to the adverb
        if following in _PREPOSITIONS - {"of"} or following in _RELATIVES or following in ("and", "or"):
            return words[:end]
    for end in range(MOST_WORDS, FEWEST_WORDS - 1, -1):
        following = words[end].lower().strip(",;")
        if following in _PREPOSITIONS or following in _RELATIVES or following in ("and", "or", "but"):
            return words[:end]
        if words[end - 1].endswith((",", ";")):
            return [*words[: end - 1], words[end - 1].rstrip(",;")]
    kept = words[:MOST_WORDS]
    while len(kept) > FEWEST_WORDS and kept[-1].lower() in _FUNCTION_WORDS:
        kept.pop()
    return kept
