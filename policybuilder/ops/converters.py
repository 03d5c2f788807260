"""URL converters: a private link's token is URL-safe base64, so anything else is a 404 before any query
(a NUL byte in a path would otherwise reach PostgreSQL, which refuses it with an error)."""


class TokenConverter:
    regex = r"[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
