"""Reading the API's OpenAPI document in tests (the ``document`` fixture is in conftest)."""

METHODS = {"get", "put", "post", "patch", "delete"}


def operations(document):
    """(path, method, operation) for every HTTP operation the document declares."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation
