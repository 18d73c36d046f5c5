"""What the canvas shows: the visible period, the axis, lanes, density, drag edits, presenting."""
