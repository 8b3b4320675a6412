"""Demonstration and measuring data, loaded through the apps' own verbs.

The top of the app graph (docs/architecture.md): it may import every app and no app imports it.
`manage.py load_demo` loads the demonstration dialogue (`dialogue.py`) and the meeting with two
accounts (`meeting.py`); `manage.py generate_scale_data` writes the synthetic data for measuring
(`scale_data.py`).
"""
