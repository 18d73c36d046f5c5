"""The historical date: calendar arithmetic, the date type, EDTF and reading what people type."""
