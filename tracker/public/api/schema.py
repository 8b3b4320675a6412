"""The error answers of the read API, written into its OpenAPI schema.

drf-spectacular documents only the 200 of each operation, yet every list answers 400 for a filter,
as_of or page_size it cannot use (the body names each field and why) and 404 for a cursor it did
not issue, and every detail route 404 for a key nothing published has. A schema that leaves them
out is one that clients and schemathesis find untrue.
"""

FIELD_ERRORS = {
    "description": "A parameter that cannot be used; the body names each one and why.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
        }
    },
}
NOT_FOUND = {
    "description": "Nothing published has that key (detail routes), or the cursor is not one the API issued.",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
        }
    },
}


def document_errors(result, generator, request, public):
    """SPECTACULAR_SETTINGS postprocessing hook: add the 400 and 404 answers each operation gives."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            query = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
            if query - {"format"}:
                responses.setdefault("400", FIELD_ERRORS)
            if "{" in path or "cursor" in query:
                responses.setdefault("404", NOT_FOUND)
    return result


def bound_page_size(result, generator, request, public):
    """SPECTACULAR_SETTINGS postprocessing hook: page_size is a positive whole number (0 and below
    are a 400; above 200 a page holds 200), which drf-spectacular leaves as any integer."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter.get("name") == "page_size":
                    parameter.setdefault("schema", {"type": "integer"})["minimum"] = 1
    return result
