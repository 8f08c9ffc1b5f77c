"""The web app beside the CLI: ``paycalc serve`` (Starlette, Jinja2 templates, served by uvicorn).

Imports the Python API and the parts below it, never the CLI; imported only when ``serve`` runs.
"""
