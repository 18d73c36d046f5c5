"""A timeline published as one web page: its data, its viewer's script and styles in one file."""
