"""mustalah (مصطلح, "term"): Arabic–English terminology and translation QA for UN press releases."""

# Nothing is imported here: a Ctrl-C that lands while Python loads the package (before any
# handler can be installed) then shows only Python's own start-up frames, none of mustalah's.
__version__ = "0.1.0"
