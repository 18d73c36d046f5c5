"""Dates in prose → proposed events: each kind of expression against a fixed reference date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.core.dates.dates import HistoricalDate, OpenEnd
from timeline.core.model import Source
from timeline.core.prose.extract import extract, find_reference
from timeline.core.prose.sentences import sentences

REFERENCE = HistoricalDate.of_day(2023, 3, 3)  # a Friday


def when(text: str, reference: HistoricalDate = REFERENCE) -> list[str]:
    return [proposal.when.edtf() for proposal in extract(text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia invaded Ukraine on 24 February 2022.", "2022-02-24"),
        ("The treaty was signed on February 24, 2022.", "2022-02-24"),
        ("The archive moved in 2008.", "2008"),
        ("The summit was held in July 2023.", "2023-07"),
        ("Caesar was killed in 44 BC.", "-0043"),
        ("He was assassinated on 15 March 44 BC.", "-0043-03-15"),
        ("Augustus died in AD 14.", "0014"),
        ("Home computers spread in the 1990s.", "199X"),
        ("The castle was rebuilt in the 15th century.", "14XX"),
        ("The abbey was founded in the twelfth century.", "11XX"),
        ("The press was built around 1450.", "1450~"),
        ("The chapel dates from c. 1200.", "1200~"),
        ("The library opened in spring 2001.", "2001-21"),
        ("The bridge was closed in the winter of 2013.", "2013-24"),
        ("The last emperor was deposed in 476.", "0476"),
        ("The results were published on 2023-01-15.", "2023-01-15"),
    ],
)
def test_absolute_dates(text: str, expected: str) -> None:
    assert when(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose sharply in February.", "2023-02"),  # the February before the reference
        ("The council met in December.", "2022-12"),  # December, written in March
        ("The council will meet in December.", "2023-12"),  # the future tense says otherwise
        ("The strike began in early October.", "2022-10~"),  # approximate, never a fake day
        ("The minister resigned on Tuesday.", "2023-02-28"),
        ("The museum reopened last Monday.", "2023-02-27?"),  # this week's Monday, or the one before
        ("The talks resume next Wednesday.", "2023-03-08"),
        ("The report appeared yesterday.", "2023-03-02"),
        ("The storm hit the coast this morning.", "2023-03-03"),
        ("The vote was held on 24 February.", "2023-02-24"),
        ("The roof was repaired two weeks ago.", "2023-02-17"),
        ("The fair was cancelled last year.", "2022"),
        ("The school closed last month.", "2023-02"),
    ],
)
def test_partial_dates_are_completed_from_the_reference(text: str, expected: str) -> None:
    assert when(text) == [expected]


def test_next_week_is_the_whole_week() -> None:
    assert when("The inspectors arrive next week.") == ["2023-03-06/2023-03-12"]


def test_december_written_in_january_is_the_december_before() -> None:
    january = HistoricalDate.of_day(2024, 1, 10)
    assert when("The flood wall was inspected in December.", january) == ["2023-12"]
    assert when("On 28 December the river rose.", january) == ["2023-12-28"]
    assert when("The hall will reopen in December.", january) == ["2024-12"]


def test_a_year_named_earlier_in_the_paragraph_completes_a_month() -> None:
    text = "The war began in 1914. In August, Germany invaded Belgium."
    assert when(text) == ["1914", "1914-08"]


def test_a_month_before_the_narrative_month_is_in_the_following_year() -> None:
    text = "The blockade began in December 2021. In February, the invasion followed."
    assert when(text) == ["2021-12", "2022-02"]


def test_a_new_paragraph_forgets_the_narrative_year() -> None:
    text = "The war began in 1914.\n\nIn February, the committee met again."
    assert when(text) == ["1914", "2023-02"]


def test_a_date_in_an_aside_does_not_set_the_year() -> None:
    text = "The flood wall, built in 1987, was inspected in December."
    assert when(text, HistoricalDate.of_day(2024, 1, 10)) == ["1987", "2023-12"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war began in 1914. Two years later the battle of the Somme was fought.", ["1914", "1916"]),
        ("Kherson was freed on 11 November 2022. Two days later he came.", ["2022-11-11", "2022-11-13"]),
        ("Pierre died on 19 April 1906. Marie took his chair the following month", ["1906-04-19", "1906-05"]),
        ("The fire began on 2 September 1666. The next day it hit St Paul's", ["1666-09-02", "1666-09-03"]),
        ("The Bible was finished in 1455. Gutenberg lost his workshop the same year.", ["1455", "1455"]),
        ("The press was built c. 1450. Two years later it printed indulgences.", ["1450~", "1452~"]),
        ("The mill opened in 1968. Since then the town has doubled.", ["1968", "1968/.."]),
        ("The strike ended in May 1979. The plant closed the following year.", ["1979-05", "1980"]),
    ],
)  # fmt: skip
def test_relative_to_an_earlier_date(text: str, expected: list[str]) -> None:
    assert when(text) == expected


def test_relative_words_with_nothing_before_them_propose_nothing() -> None:
    assert when("Two years later the town was rebuilt.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war raged from 2014 to 2016.", "2014/2016"),
        ("A strike lasted between March and May 2001.", "2001-03/2001-05"),
        ("The Korean War, 1950-53, ended in stalemate.", "1950/1953"),
        ("The Punic Wars were fought between 264 and 146 BC.", "-0263/-0145"),
        ("The Republic lasted 509–27 BC.", "-0508/-0026"),
        ("Prices have risen since early October.", "2022-10~/.."),
        ("The firm has been Swiss since 2015.", "2015/.."),
        ("The blockade lasted from June 1948 to May 1949.", "1948-06/1949-05"),
        ("The peace talks were held on 29–30 November 2022.", "2022-11-29/2022-11-30"),
        ("Training is booked for 4 and 5 December.", "2023-12-04/2023-12-05"),
    ],
)
def test_spans(text: str, expected: str) -> None:
    assert when(text) == [expected]


def test_a_span_is_one_event_with_an_open_end() -> None:
    [proposal] = extract("Russia has attacked the power grid since October.", REFERENCE)
    assert proposal.start.edtf() == "2022-10"
    assert proposal.end is OpenEnd.OPEN
    assert proposal.as_json()["end"] == ".."


@pytest.mark.parametrize(
    "text",
    [
        "More than 2,000 people and 1500 soldiers were there.",
        "The fund paid 1200 dollars to 300 families.",
        "See page 1848 of the report.",
        "Turnout was 1956 votes higher.",
        "We may need more time.",
        "The protesters march on the palace.",
        "The castle is still used today.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert when(text) == []


def test_dates_that_bound_something_else_are_not_proposed() -> None:
    assert when("The treaty stayed in force until 1990.") == []
    assert when("Nothing was built before 1850.") == []


def test_title_is_the_clause_without_the_date() -> None:
    [first, second] = extract(
        "Russia annexed Crimea in March 2014, and fighting broke out in the Donbas the following month.",
        REFERENCE,
    )
    assert first.title == "Russia annexed Crimea"
    assert second.title == "Fighting broke out in the Donbas"
    assert first.text == "March 2014"
    assert second.text == "the following month"


def test_title_of_a_sentence_opening_with_its_date() -> None:
    [proposal] = extract("On 24 February 2022, Russia launched a full-scale invasion of Ukraine.", REFERENCE)
    assert proposal.title == "Russia launched a full-scale invasion of Ukraine"
    assert proposal.sentence == "On 24 February 2022, Russia launched a full-scale invasion of Ukraine."
    assert proposal.sentence[proposal.match_start : proposal.match_end] == "24 February 2022"


def test_long_titles_are_cut_at_a_word() -> None:
    [proposal] = extract(
        "In 1848 a wave of revolutions swept through the capitals of Europe from Paris and Vienna to "
        "Berlin, Milan and Budapest, toppling ministers and frightening kings.",
        REFERENCE,
    )
    assert proposal.title.startswith("A wave of revolutions swept through")
    assert len(proposal.title.split()) <= 11


def test_repeated_mentions_of_one_event_are_merged() -> None:
    text = (
        "Russia invaded Ukraine on 24 February 2022.\n\n"
        "Ukraine declared martial law on 24 February 2022.\n\n"
        "A year after the invasion of Ukraine on 24 February 2022, the front has barely moved."
    )
    proposals = extract(text, REFERENCE)
    assert [p.title for p in proposals] == ["Russia invaded Ukraine", "Ukraine declared martial law"]
    invasion = proposals[0]
    assert len(invasion.others) == 1
    assert "A year after the invasion" in invasion.description


def test_the_same_sentence_is_not_quoted_twice() -> None:
    text = "In 1905 and again in 1905 the strike spread."
    [proposal] = extract(text, REFERENCE)
    assert proposal.description == text


def test_a_date_line_is_the_reference_not_an_event() -> None:
    text = "Monday 3 July 2023\n\nStarted at the archive today. Yesterday I got my ticket."
    assert find_reference(text) == HistoricalDate.of_day(2023, 7, 3)
    assert when(text, None) == ["2023-07-03", "2023-07-02"]  # type: ignore[arg-type]


def test_each_diary_heading_moves_the_reference_on() -> None:
    text = "3 July 2023\n\nFirst day at the archive today.\n\n5 July 2023\n\nFound the letters yesterday."
    assert when(text, HistoricalDate.of_day(2020, 1, 1)) == ["2023-07-03", "2023-07-04"]


def test_a_dateline_is_the_reference() -> None:
    text = "KYIV, 24 February 2023 (Reuters) - Ukraine marked the anniversary on Friday."
    assert find_reference(text) == HistoricalDate.of_day(2023, 2, 24)
    [proposal] = extract(text)
    assert proposal.when.edtf() == "2023-02-24"
    assert proposal.title == "Ukraine marked the anniversary"


def test_published_label_gives_the_reference() -> None:
    found = find_reference("Published: 14 January 2024\n\nThe river fell.")
    assert found == HistoricalDate.of_day(2024, 1, 14)
    assert find_reference("The river fell in 2024.") is None


def test_proposal_becomes_an_event_citing_the_source_with_a_quote() -> None:
    [proposal] = extract("The press was built around 1450.", REFERENCE)
    event = proposal.event(
        Source(author="J. Man", title="The Gutenberg Revolution", url="https://example.org")
    )
    assert event.title == "The press was built"
    assert event.start.edtf() == "1450~"
    assert event.end is None
    assert event.description == "The press was built around 1450."
    assert event.source.author == "J. Man"
    assert event.source.text == "“The press was built around 1450.”"
    assert proposal.event().source.text == "“The press was built around 1450.”"


def test_json_form() -> None:
    [proposal] = extract("Between March and May 2001 the museum was shut.", REFERENCE)
    assert proposal.as_json() == {
        "title": "The museum was shut",
        "start": "2001-03",
        "end": "2001-05",
        "display": "March 2001 – May 2001",
        "text": "March and May 2001",
        "sentence": "Between March and May 2001 the museum was shut.",
        "doubt": None,
    }


def test_sentences_keep_abbreviations_and_offsets() -> None:
    text = "It was built c. 1450 by Dr. Smith. It fell in 44 B.C. when Rome burned.\n- Item one\n- Item two"
    found = sentences(text)
    assert [s.text for s in found] == [
        "It was built c. 1450 by Dr. Smith.",
        "It fell in 44 B.C. when Rome burned.",
        "- Item one",
        "- Item two",
    ]
    for sentence in found:
        assert text[sentence.offset : sentence.offset + len(sentence.text)] == sentence.text


def test_wrapped_prose_is_joined() -> None:
    text = (
        "The counter-offensive in the north-east of the country began in\nearly September and Kherson "
        "was liberated on 11 November."
    )
    assert len(sentences(text)) == 1
    assert when(text) == ["2022-09~", "2022-11-11"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_proposals_or_none_without_error(text: str) -> None:
    for proposal in extract(text, REFERENCE):
        assert proposal.title
        assert proposal.sentence[proposal.match_start : proposal.match_end] == proposal.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "In",
                "1848",
                "March",
                "44",
                "BC",
                "on",
                "Tuesday",
                "two",
                "years",
                "later",
                "since",
                "then",
                "from",
                "to",
                "and",
                "between",
                "c.",
                "the",
                "1990s",
                ",",
                ".",
                "early",
                "October",
                "12",
                "x",
            ]
        ),
        max_size=30,
    )
)
def test_date_words_in_any_order_never_fail(words: list[str]) -> None:
    extract(" ".join(words), REFERENCE)


def test_that_night_is_the_day_before_it() -> None:
    text = "By the evening of 4 September 1666 it had reached the Temple, and St Paul's burned that night."
    assert [(p.title, p.when.edtf()) for p in extract(text, REFERENCE)] == [
        ("It had reached the Temple", "1666-09-04"),
        ("St Paul's burned", "1666-09-04"),
    ]


def test_a_date_that_names_a_thing_gives_its_year_to_what_follows() -> None:
    [proposal] = extract("Next year's commemoration will take place on 2 September.", REFERENCE)
    assert proposal.when.edtf() == "2024-09-02"
    assert proposal.title == "Next year's commemoration will take place"


# Read as a reader of real news would -----------------------------------------------------------

NOVEMBER_2022 = HistoricalDate.of_day(2022, 11, 15)
TUESDAY = HistoricalDate.of_day(2023, 2, 28)


def test_a_year_still_to_come_is_not_given_to_a_past_month_in_another_sentence() -> None:
    text = "The NATO summit will be held in Vilnius in July 2023. The war began in February."
    assert when(text, NOVEMBER_2022) == ["2023-07", "2022-02"]


def test_a_nearby_year_does_not_move_days_around_the_reference() -> None:
    text = (
        "The bill funds the government through September 2015. "
        "It was released late Dec. 9 and will be voted on by the House Dec. 11."
    )
    assert when(text, HistoricalDate.of_day(2014, 12, 10)) == ["2014-12-09", "2014-12-11"]


def test_a_past_tense_month_is_the_last_one_whatever_year_was_named_before() -> None:
    text = "The Artemis launch is planned for 2023. The Orion capsule was completed in August."
    assert when(text, NOVEMBER_2022) == ["2023", "2022-08"]


def test_a_future_year_still_completes_a_month_in_its_own_sentence() -> None:
    assert when("The summit will be held in 2024, probably in July.", NOVEMBER_2022) == ["2024", "2024-07~"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cases fell to a level last seen in July of last year.", ["2022-07"]),
        ("The war began in 1914. The army mobilised in August that year.", ["1914", "1914-08"]),
        ("The mill opened in 1968, and in June of the following year it burned.", ["1968", "1969-06"]),
    ],
)
def test_a_month_and_the_year_named_after_it_are_one_date(text: str, expected: list[str]) -> None:
    assert when(text, HistoricalDate.of_day(2023, 3, 3)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police said they would investigate the drone sightings on Monday and on Sunday morning.",
        "The army would not say who flew the drones seen on Monday and on Sunday morning.",
        "Officials said the drones could have come from the east on Monday and on Sunday morning.",
    ],
)
def test_would_and_could_do_not_make_a_past_day_future(text: str) -> None:
    assert when(text) == ["2023-02-27", "2023-02-26"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers will meet on Tuesday and Wednesday.", "2023-03-07/2023-03-08"),
        ("The ministers met on Tuesday and Wednesday.", "2023-02-28/2023-03-01"),
        ("The strike lasted from Monday to Thursday.", "2023-02-27/2023-03-02"),
        ("The exhibition will be open Tuesday through Saturday.", "2023-03-07/2023-03-11"),
        ("The talks were held on 9 December and 10 December.", "2022-12-09/2022-12-10"),
        ("Talks ran on Wednesday–Thursday.", "2023-03-01/2023-03-02"),
    ],
)
def test_days_joined_by_and_to_through_or_a_dash_are_one_span(text: str, expected: str) -> None:
    assert when(text) == [expected]


def test_two_days_apart_joined_by_and_are_two_events() -> None:
    assert when("The committee met on Monday and Thursday.") == ["2023-02-27", "2023-03-02"]


@pytest.mark.parametrize(
    "text",
    [
        "“The battles of today will decide the world of tomorrow,” the general said.",
        "“We must prepare for the coming winter,” the minister told reporters.",
        "‘Today we mourn, tomorrow we rebuild,’ she wrote.",
        "Day after day the rain fell on the camp.",
        "The technology of tomorrow is being built by the engineers of today.",
    ],
)
def test_quotations_and_idioms_are_not_events(text: str) -> None:
    assert when(text) == []


def test_a_quotation_across_sentences_stays_a_quotation() -> None:
    text = "“We have lost so much. Tomorrow we start again,” he said on Monday."
    assert when(text) == ["2023-02-27"]


def test_a_dated_event_inside_a_quotation_is_an_event() -> None:
    assert when("“We signed the treaty on 3 March 2022,” the minister said.") == ["2022-03-03"]


def test_last_monday_on_a_tuesday_is_uncertain_and_says_why() -> None:
    [proposal] = extract("The museum reopened last Monday.", TUESDAY)
    assert proposal.when.edtf() == "2023-02-27?"
    assert proposal.doubt == (
        "“last Monday” in a text of Tuesday 28 February 2023 is read as 27 February 2023; "
        "some writers mean 20 February 2023."
    )
    assert proposal.as_json()["doubt"] == proposal.doubt


def test_last_friday_on_a_monday_is_not_in_doubt() -> None:
    [proposal] = extract("The museum reopened last Friday.", HistoricalDate.of_day(2023, 3, 6))
    assert proposal.when.edtf() == "2023-03-03"
    assert proposal.doubt is None


def test_next_friday_on_a_thursday_is_uncertain() -> None:
    [proposal] = extract("The reports are due next Friday.", HistoricalDate.of_day(2023, 11, 9))
    assert proposal.when.edtf() == "2023-11-17?"
    assert proposal.doubt is not None and "10 November 2023" in proposal.doubt


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("In Bucharest, thousands of people protested against the government on Sunday.",
         "Thousands of people protested against the government"),
        ("In Bucharest on Sunday, thousands of people protested against the government.",
         "Thousands of people protested against the government"),
        ("In the third incident, on Monday, a drone crashed into a field near the village.",
         "A drone crashed into a field near the village"),
        ("The heat shield was delivered in July and will be completed for Orion in August.",
         "The heat shield will be completed for Orion"),
        ("On 1 December 1918, at the symbolic place where they declared that they wanted union with "
         "Romania, thousands gathered in Alba Iulia.", "Thousands gathered in Alba Iulia"),
        ("After the war ended in 1945, the city was rebuilt.", "The war ended"),
        ("The module, which arrived in Florida in July, was tested in August.",
         "The module arrived in Florida"),
        ("The hall was built in 1928 and extended in the 1970s.", "The hall was extended"),
        ("The Korean War, 1950-53, ended in stalemate.", "The Korean War ended in stalemate"),
        ("Ministers said on Thursday that NATO leaders will meet in Vilnius.",
         "Ministers said NATO leaders will meet in Vilnius"),
    ],
)  # fmt: skip
def test_a_title_names_what_happened(text: str, title: str) -> None:
    proposals = extract(text, REFERENCE)
    assert title in [proposal.title for proposal in proposals]


def test_titles_keep_the_rules_on_long_sentences() -> None:
    text = (
        "On 10 December 1898, after months of negotiation in Paris between commissioners of both "
        "governments over the fate of the islands, the treaty of peace between the United States and "
        "Spain was signed by the commissioners in the presence of the French foreign minister."
    )
    [proposal] = extract(text, REFERENCE)
    words = proposal.title.split()
    assert 3 <= len(words) <= 9
    assert words[0].lower() not in ("on", "after", "in", "was", "will", "by")
    assert all(word in text for word in words)  # whole words only, none cut
    assert "signed" in words


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Four countries adopted a code of conduct last September.", (1981, 1, 16), ["1980-09"]),
        ("The plant will reopen next March.", (1981, 1, 16), ["1981-03"]),  # the coming March
        ("All troops will be out by the end of this August.", (2010, 1, 27), ["2010-08~"]),
        ("The Secretary visited Mexico in September and October.", (1907, 12, 3), ["1907-09/1907-10"]),
        ("The elections were held in May and November.", (1907, 12, 3), ["1907-05", "1907-11"]),
        ("The new convention goes into effect on the 1st of April next.", (1878, 12, 2), ["1879-04-01"]),
        ("The harvest failed in May last.", (1878, 12, 2), ["1878-05"]),
        ("We shall produce 125,000 airplanes next year, 1943.", (1942, 1, 6), ["1943"]),
        ("We set that goal a year and a half ago.", (1942, 1, 6), ["1940-07~"]),
        ("It sounds like the philosophy of half a century ago.", (1938, 1, 3), ["1888~"]),
        ("I urge final action on this bill by the first of February.", (1964, 1, 8), ["1964-02-01"]),
        ("On the 2d of March the Congress voted the sum.", (1899, 12, 5), ["1899-03-02"]),
        ("A letter went out on the 7th day of October last.", (1848, 12, 5), ["1848-10-07"]),
        ("The treaty was signed on the twenty-second day of May, 1846.", (1848, 12, 5), ["1846-05-22"]),
    ],
)
def test_old_and_spoken_ways_of_naming_a_month_or_year(
    text: str, reference: tuple[int, int, int], expected: list[str]
) -> None:
    assert when(text, HistoricalDate.of_day(*reference)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The inflation rate is half of what it was 4 years ago.",
        "Pay rose more than in any year since 1955.",
        "Turnout was higher than last year.",
        "Production has increased 8 percent over last year.",
        "Just one week earlier, she said, and that surgery would have meant bankruptcy.",
    ],
)
def test_yardsticks_and_what_did_not_happen_are_not_events(text: str) -> None:
    assert when(text) == []


def test_more_than_a_number_is_no_yardstick() -> None:
    assert when("More than 2,000 people died in 1990.") == ["1990"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Postal Congress which met at Paris May 1, 1878, and sat until June 4 of the same year, "
         "was composed of delegates.", "The Postal Congress met at Paris"),
        ("It adopted a new convention, which goes into effect on 1 April 1879.",
         "A new convention goes into effect"),
        ("The Office for Refugee Affairs, which I created last year, will address the need.",
         "I created the Office for Refugee Affairs"),
        ("That is 10,000 more than the goal that we set a year and a half ago.", "We set the goal"),
        ("Output will rise so that next year, 1943, we shall produce 125,000 airplanes.",
         "We shall produce 125,000 airplanes"),
        ("My Administration made significant progress in resolving a number of problems in 1979.",
         "My Administration made significant progress"),
        ("We lived on Station Road until the mill closed, that was 1981.", "The mill closed"),
        ("The events since I presented my program to the Congress in November have made it clear.",
         "I presented my program to the Congress"),
        ("That is why three years ago I encouraged our leading citizens to volunteer.",
         "I encouraged our leading citizens to volunteer"),
        ("In an address at Rio on the 31st of July--an address of such note that I send it--he spoke.",
         "He spoke"),
        ("Their report, published in 1938, dates the first phase to the 2nd century.",
         "Their report dates the first phase"),
        ("On the adjournment of Congress in May last the minister of the United States at Madrid was "
         "instructed to inform Spain.", "The minister of the United States was instructed"),
    ],
)  # fmt: skip
def test_titles_of_real_sentences(text: str, title: str) -> None:
    assert title in [proposal.title for proposal in extract(text, REFERENCE)]


def test_a_word_that_only_weighs_the_date_goes_with_it() -> None:
    [proposal] = extract("Only five days ago I expressed the grave concern of the Government.", REFERENCE)
    assert proposal.title == "I expressed the grave concern of the Government"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor is here tonight.",
        "Tonight I can tell you of dramatic changes.",
        "Paychecks are a little bigger today.",
    ],
)
def test_the_moment_of_speaking_is_no_event(text: str) -> None:
    assert when(text) == []


def test_what_happens_today_is_an_event() -> None:
    assert when("The storm hit the coast today.") == ["2023-03-03"]
    assert when("Tonight the bands play in the square.") == ["2023-03-03"]


def test_a_date_that_is_the_subject_stays_in_the_title() -> None:
    [proposal] = extract("You know, yesterday was her wedding day.", REFERENCE)
    assert proposal.title == "Yesterday was her wedding day"


def test_a_number_with_a_thousands_separator_is_no_year() -> None:
    assert when("In August 289,570 men sailed for France.", HistoricalDate.of_day(1918, 12, 2)) == ["1918-08"]


def test_month_the_day() -> None:
    [proposal] = extract(
        "Last August the 11th brought the capture of the rebel leader.", HistoricalDate.of_day(2004, 1, 20)
    )
    assert (proposal.when.edtf(), proposal.title) == (
        "2003-08-11",
        "Last August the 11th brought the capture",
    )
    assert when("The towers fell on September the 11th, 2001.") == ["2001-09-11"]
    assert when("May the best team win.") == []


def test_not_until_is_when_it_happened() -> None:
    [proposal] = extract(
        "Not until last October were we able to engage the fleet.", HistoricalDate.of_day(1945, 1, 6)
    )
    assert (proposal.when.edtf(), proposal.title) == ("1944-10", "We were able to engage the fleet")
    assert when("The treaty stayed in force until 1990.") == []
