"""HTTP with the standard library: JSON requests and a Server-Sent Events reader, nothing kept between calls."""

import http.client
import json
import urllib.parse

from ._errors import CoherentError


class Endpoint:
    """Where a server listens: ``http://host:port`` (an optional path prefix is kept)."""

    def __init__(self, url, timeout=None):
        parts = urllib.parse.urlsplit(url if "://" in url else "http://" + url)
        if parts.scheme != "http":
            raise CoherentError("url = %s is not allowed: expected http://HOST:PORT" % url)
        if not parts.hostname:
            raise CoherentError("url = %s has no host: expected http://HOST:PORT" % url)
        self.host = parts.hostname
        self.port = parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.url = "http://%s:%d%s" % (self.host if ":" not in self.host else "[%s]" % self.host, self.port, self.prefix)

    def path(self, path, query=None):
        q = urllib.parse.urlencode(query or [])
        return self.prefix + path + ("?" + q if q else "")

    def open(self, method, path, query=None, body=None, headers=None, timeout=None):
        """Sends a request and returns the open connection and its response (the caller closes the connection)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout if timeout is not None else self.timeout)
        try:
            conn.request(method, self.path(path, query), body=body.encode("utf-8") if isinstance(body, str) else body,
                         headers=headers or {})
            return conn, conn.getresponse()
        except OSError as e:
            conn.close()
            raise CoherentError("cannot reach the coherent server at %s: %s" % (self.url, e)) from None

    def request(self, method, path, query=None, body=None, content_type="application/yaml"):
        """A request whose answer is JSON; an error status raises :class:`CoherentError` with the server's message."""
        headers = {"Content-Type": content_type} if body is not None else {}
        conn, response = self.open(method, path, query, body, headers)
        try:
            data = response.read()
        finally:
            conn.close()
        return decode(response.status, data)


def decode(status, data):
    """The JSON of an answer; for an error status, :class:`CoherentError` with the server's one line."""
    text = data.decode("utf-8", errors="replace")
    try:
        value = json.loads(text) if text else None
    except ValueError:
        value = None
    if status >= 400:
        if isinstance(value, dict) and "error" in value:
            raise CoherentError(value["error"], status)
        first = text.strip().splitlines()[0] if text.strip() else "no message"
        raise CoherentError(first, status)
    if value is None and text:
        raise CoherentError("the server answered something that is not JSON: %s" % text[:200], status)
    return value


def events(response):
    """The Server-Sent Events of a response as (event, id, data) tuples, in order, until the server ends the response
    or the connection breaks."""
    event, ident, data = None, None, []
    while True:
        try:
            raw = response.readline()
        except (OSError, http.client.HTTPException):
            return  # the connection broke: the caller resumes after the last event it has (Last-Event-ID)
        if not raw:
            return
        line = raw.decode("utf-8").rstrip("\r\n")
        if not line:
            if data:
                yield event or "message", ident, "\n".join(data)
            event, ident, data = None, None, []
        elif line.startswith(":"):
            continue
        else:
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                event = value
            elif field == "id":
                ident = value
            elif field == "data":
                data.append(value)
