"""The one exception the client raises for anything the server (or the client's own checks) refuses."""


class CoherentError(Exception):
    """A request that failed: the server's one-line message and the HTTP status.

    ``message`` is the server's ``error`` text as it is (for bad input it names the key and what is allowed,
    e.g. ``set: unknown key 'bogus' for two-atoms; allowed keys: ...``); ``status`` is the HTTP status (400 bad
    input, 404 unknown run, 413 body too large, 429 all run places taken, 503 the memory for run histories taken,
    500 server fault), or None when the client
    refused before asking the server (no jar, a server that did not start, a scenario file that does not exist).
    """

    def __init__(self, message, status=None):
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self):
        return self.message if self.status is None else "%s (HTTP %d)" % (self.message, self.status)
