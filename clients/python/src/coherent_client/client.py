"""The client: :class:`Coherent` talks to ``coherent serve`` (one it starts, or one that runs already)."""

import json
import numbers
import os
import time
import warnings

from . import _optional
from ._errors import CoherentError
from ._http import Endpoint, decode, events
from ._server import LocalServer
from .table import Table
from .trajectory import Sample, Trajectory


class Coherent:
    """A connection to a ``coherent`` server.

    ``Coherent()`` starts ``java -jar coherent.jar serve`` on a free loopback port (the jar from ``jar``, else
    ``$COHERENT_JAR``, else ``app/target/coherent.jar`` of the checkout) and stops it on :meth:`close` or at the end
    of a ``with`` block; ``Coherent(url="http://127.0.0.1:8080")`` uses a server that runs already (and leaves it
    running). Keyword-only options: ``java`` (the java command), ``max_runs`` (the started server's ``--max-runs``),
    ``server_args`` (more ``serve`` options), ``timeout`` (seconds to wait for an answer; None waits as long as a
    computation takes).

    A *scenario* is a preset name (``"two-atoms"``), a scenario as YAML or JSON text, a path to a scenario file, or
    a dict in the schema of scenario files. Keyword *parameters* override any key as ``--set`` does on the command
    line (``theta=0.3``, ``T=0.5``, ``lamb_shift=False``, ``times=[0.5, 2, 10]``, or ``**{"baths.hot.temperature":
    2}``); numbers may be expressions written as strings (``theta="pi/8"``). ``method`` is passed on as it is (any
    method the server knows).
    """

    def __init__(self, url=None, jar=None, *, java=None, max_runs=None, server_args=(), timeout=None):
        if url is not None and jar is not None:
            raise CoherentError("give url (a server that runs) or jar (one to start), not both")
        self.server = None
        if url is None:
            args = list(server_args)
            if max_runs is not None:
                args += ["--max-runs", str(int(max_runs))]
            self.server = LocalServer(jar, java, args)
            url = self.server.url
        self._http = Endpoint(url, timeout)
        self.url = self._http.url
        self._preset_names = None

    # ------------------------------------------------------------------ life cycle

    def close(self):
        """Stops the server this client started (a server given by ``url`` keeps running)."""
        if self.server is not None:
            self.server.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "Coherent(%s%s)" % (self.url, ", started by this client" if self.server else "")

    # ------------------------------------------------------------------ what the server offers

    def presets(self):
        """The presets: a list of dicts with ``name``, ``description``, ``default_method``, ``methods`` (those that
        apply and have dynamics), ``parameters`` (each with ``name``, ``default``, ``meaning``, ``choices``) and the
        default ``until`` and ``points``."""
        presets = self._http.request("GET", "/api/presets")
        self._preset_names = [p["name"] for p in presets]
        return presets

    def runs(self):
        """The status of every run the server keeps (``id``, ``name``, ``method``, ``status``, ``summary``, ...)."""
        return self._http.request("GET", "/api/runs")

    def status(self, run_id):
        """The status of one run."""
        return self._http.request("GET", "/api/runs/%s" % run_id)

    def cancel(self, run_id):
        """Cancels a run (it stops at its next step and ends ``cancelled``); False if it had already ended."""
        try:
            self._http.request("DELETE", "/api/runs/%s" % run_id)
            return True
        except CoherentError as e:
            if e.status == 409:
                return False
            raise

    # ------------------------------------------------------------------ computations

    def steady(self, scenario, method=None, **parameters):
        """The steady state computed directly, as ``coherent steady --json`` prints it: a dict with ``observables``,
        ``error_estimates`` (each observable's error estimate, in the shape of ``observables``), ``error_estimate``
        (the largest of them), ``relaxation_time`` with ``relaxation_time_error`` (None when not estimated) and
        ``relaxation_time_note``, ``converged``, ``method``, ``solver``, ``unique``, ``residual``, ``notes``, ..."""
        return self._http.request("POST", "/api/steady", _sets(parameters, method=method), self._scenario(scenario))

    def stream(self, scenario, method=None, until=None, points=None, stop_on_steady=False, **parameters):
        """Starts a run and returns a :class:`Stream`: an iterator of its :class:`Sample` objects as the server
        produces them, in order, each once. Closing the stream (``with`` block, ``close()``, ``break`` out of a
        ``for`` loop over it, an exception or a keyboard interrupt while iterating) cancels the run."""
        query = _sets(parameters, method=method, until=until, points=points)
        return self._start(self._scenario(scenario), query, stop_on_steady)

    def run(self, scenario, method=None, until=None, points=None, stop_on_steady=False, **parameters):
        """Runs a scenario to its end and returns its :class:`Trajectory` (``stop_on_steady``: stop once the
        steady-state criterion of ``coherent run --stop-on-steady`` holds)."""
        with self.stream(scenario, method, until, points, stop_on_steady, **parameters) as s:
            for _ in s:
                pass
            return s.trajectory()

    def compare(self, scenario, methods, until=None, points=None, stop_on_steady=False, **parameters):
        """The same scenario with several methods (a list, or ``"exact,redfield"``): a dict method -> Trajectory, in
        the order given, on the same output times. Runs go side by side as far as the server's run places allow."""
        if isinstance(methods, str):
            methods = [m.strip() for m in methods.split(",") if m.strip()]
        methods = list(methods)
        if not methods:
            raise CoherentError("methods is empty: give one or more, e.g. ['exact', 'redfield']")
        for m in methods:
            if methods.count(m) > 1:
                raise CoherentError("methods: %s is listed twice" % m)
        body = self._scenario(scenario)
        streams = {}
        waiting = []  # started, not yet read to the end
        try:
            for m in methods:
                query = _sets(parameters, method=m, until=until, points=points)
                while True:
                    try:
                        stream = self._start(body, query, stop_on_steady)
                        break
                    except CoherentError as e:
                        if e.status != 429 or not waiting:
                            raise
                        _drain(waiting.pop(0))  # one of ours ends: its place is free
                streams[m] = stream
                waiting.append(stream)
            for stream in waiting:
                _drain(stream)
        except BaseException:
            for stream in streams.values():
                stream.close()
            raise
        return {m: s.trajectory() for m, s in streams.items()}

    def sweep(self, scenario, params, steady=True, method=None, until=None, points=None, **parameters):
        """One or two parameters over a grid, as ``coherent sweep``: the steady state at each point (``steady=True``)
        or the final state of a run (``steady=False``, stopping early once steady; ``until``, ``points``).

        ``params`` maps each swept parameter (the first is the slow index) to ``(start, stop, n)``,
        ``(start, stop, n, "log")`` or the command line's ``"start:stop:n"`` / ``"log:start:stop:n"``; ends may be
        expressions (``"pi/2"``). A swept name that is no key but appears in a parameter expression is a variable
        (``params={"beta": (0.1, 5, 50)}, T="1/beta"``).

        Returns a pandas DataFrame when pandas is present (``df.attrs``: what the server said about the sweep), else a
        :class:`Table`; the columns are those of ``results.csv``. A point that fails has ``status`` ``failed`` and
        its ``reason``, and a warning says how many failed."""
        if not params:
            raise CoherentError("params is empty: give one or two swept parameters, e.g. params={'theta': (0, 'pi/2', 11)}")
        if steady and (until is not None or points is not None):
            raise CoherentError("until and points go with steady=False (a steady state has no final time)")
        query = [("param", _axis(name, spec)) for name, spec in params.items()]
        query.append(("evaluation", "steady" if steady else "run"))
        query += _sets(parameters, method=method, until=until, points=points)
        table = Table(self._http.request("POST", "/api/sweep", query, self._scenario(scenario)))
        if table.meta.get("failed"):
            reasons = sorted(set(r for r in table["reason"] if r))
            warnings.warn("%d of %d points failed: %s" % (table.meta["failed"], len(table), "; ".join(reasons[:3])),
                          RuntimeWarning, stacklevel=2)
        return table.to_pandas() if _optional.pandas_or_none() is not None else table

    # ------------------------------------------------------------------ helpers

    def _start(self, body, query, stop_on_steady):
        if stop_on_steady:
            query = [("stop_on_steady", "true")] + query
        run = self._http.request("POST", "/api/runs", query, body)
        return Stream(self, run)

    def _scenario(self, scenario):
        """The request body for a scenario: preset name, YAML/JSON text, path, or dict."""
        if isinstance(scenario, dict):
            return json.dumps(scenario)
        if isinstance(scenario, os.PathLike):
            return _read(os.fspath(scenario))
        if not isinstance(scenario, str):
            raise TypeError("scenario must be a preset name, YAML text, a path or a dict, not %s" % type(scenario).__name__)
        if "\n" in scenario:
            return scenario
        if self._preset_names is None:
            self.presets()
        if scenario in self._preset_names:
            return json.dumps({"preset": scenario, "name": scenario})
        if os.path.isfile(scenario):
            return _read(scenario)
        if ":" in scenario:
            return scenario  # one line of YAML, e.g. "{preset: two-atoms, method: secular}"
        raise CoherentError("no preset or scenario file named '%s': presets are %s; a scenario file must exist"
                            % (scenario, ", ".join(self._preset_names)))


class Stream:
    """A run's samples as they are produced (Server-Sent Events): iterate to get each :class:`Sample` once, in order;
    the iteration ends with the run. ``stream.id`` is the run's id, ``stream.samples`` the samples so far,
    ``stream.end`` the end message once it came, ``stream.trajectory()`` the samples so far as a
    :class:`Trajectory`. ``close()`` (or leaving a ``with`` block) cancels the run if it is still going."""

    _RECONNECTS = 3

    def __init__(self, client, run):
        self._client = client
        self.run = run
        self.id = run["id"]
        self.name = run.get("name")
        self.method = run.get("method")
        self.samples = []
        self.end = None
        self.cancelled = False
        self._final = None
        self._connection = None
        self._events = None

    def __iter__(self):
        return self

    def __next__(self):
        if self.end is not None or self.cancelled:
            raise StopIteration
        try:
            reconnects = 0
            while True:
                if self._events is None:
                    self._connect()
                item = next(self._events, None)
                if item is None:  # the connection ended without the end: resume after the last sample
                    self._disconnect()
                    reconnects += 1
                    if reconnects > self._RECONNECTS:
                        raise CoherentError("the stream of run %s broke off after %d samples" % (self.id, len(self.samples)))
                    continue
                message = json.loads(item[2])
                if message.get("end"):
                    self.end = message
                    self._disconnect()
                    break
                sample = Sample(message)
                self.samples.append(sample)
                return sample
        except BaseException:
            self.close()
            raise
        raise StopIteration

    def _connect(self):
        headers = {"Accept": "text/event-stream"}
        if self.samples:
            headers["Last-Event-ID"] = str(self.samples[-1].seq)
        connection, response = self._client._http.open("GET", "/api/runs/%s/stream" % self.id, headers=headers,
                                                       timeout=None)
        if response.status != 200:
            data = response.read()
            connection.close()
            decode(response.status, data)
        self._connection = connection
        self._events = events(response)

    def _disconnect(self):
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._events = None

    def close(self):
        """Cancels the run if it is still going and waits until the server has ended it (its run place is free
        when this returns); closes the connection."""
        self._disconnect()
        if self.end is None and not self.cancelled:
            self.cancelled = True
            try:
                if self._client.cancel(self.id):
                    self._final = self._final_status()
            except CoherentError:
                pass  # the run is gone (forgotten, or the server stopped): nothing left to cancel

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def status(self):
        """The run's status from the server."""
        return self._client.status(self.id)

    def trajectory(self):
        """The samples so far as a :class:`Trajectory`; after the end, with the run's final status and summary."""
        run = dict(self.run)
        if self.end is not None or self.cancelled:
            if self._final is None:
                self._final = self._final_status()
            run = self._final
        return Trajectory(self.samples, run, self.end)

    def _final_status(self):
        """The status once the server has recorded the end (it does so right after the stream's end message)."""
        deadline = time.monotonic() + 30
        wait = 0.005
        while True:
            status = self.status()
            if status["status"] != "running" or time.monotonic() > deadline:
                return status
            time.sleep(wait)
            wait = min(2 * wait, 0.2)

    def __repr__(self):
        state = "ended" if self.end else "cancelled" if self.cancelled else "running"
        return "Stream(run %s, %s, %s, %d samples so far, %s)" % (self.id, self.name, self.method, len(self.samples),
                                                                  state)


def _drain(stream):
    for _ in stream:
        pass


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        raise CoherentError("cannot read scenario file %s: %s" % (path, e.strerror or e)) from None


def _value(v):
    """A parameter's value as ``--set`` reads it: numbers in full precision, booleans as true/false, lists joined."""
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        return "true" if v else "false"
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, numbers.Real):
        return repr(float(v))
    if isinstance(v, (list, tuple)) or type(v).__name__ == "ndarray":
        return ",".join(_value(x) for x in v)
    return str(v)


def _sets(parameters, **explicit):
    """``set=KEY=VALUE`` query parameters: the keyword parameters, then the named arguments that are given."""
    pairs = list(parameters.items()) + [(k, v) for k, v in explicit.items() if v is not None]
    return [("set", "%s=%s" % (key, _value(value))) for key, value in pairs]


def _axis(name, spec):
    """A swept parameter as the server's ``param=NAME=[log:]START:STOP:N``."""
    if isinstance(spec, str):
        return "%s=%s" % (name, spec)
    spec = list(spec)
    scale = ""
    if len(spec) == 4 and spec[0] == "log":
        scale, spec = "log:", spec[1:]
    elif len(spec) == 4 and spec[3] == "log":
        scale, spec = "log:", spec[:3]
    if len(spec) != 3 or not isinstance(spec[2], numbers.Integral):
        raise CoherentError("params[%r] = %r is not allowed: expected (start, stop, n), (start, stop, n, 'log') or "
                            "'[log:]start:stop:n'" % (name, spec))
    return "%s=%s%s:%s:%d" % (name, scale, _value(spec[0]), _value(spec[1]), spec[2])
