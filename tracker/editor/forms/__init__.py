"""Forms of the editor workspace, one module per part of it, as `views/` is: `imports`, `review`,
`records`, `csv`, with the fields and widgets they share in `fields`.

Each form's `save()` calls the one verb that makes the change (`commitments.actions.*`,
`ingest.decisions.*`, `ingest.feeds.add_feed`, `ingest.pipeline.import_article`): the views only
route requests to the forms, and the forms only to the verbs. Import from the submodules.
"""
