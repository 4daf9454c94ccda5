"""Taking a plan in as it arrives: the tables of office files (`tables.py`), what their rows say
(`plan.py`), department names and ids (`names.py`), and the roadmap written from them (`writer.py`)."""
