"""Analyses behind the lessons' concept sections (one module per topic, each tested in
``tests/test_analysis_<topic>.py``). Notebooks call these; they never hold logic themselves."""
