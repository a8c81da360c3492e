"""A run's samples as arrays: what :meth:`Coherent.run` returns and :meth:`Coherent.stream` yields piece by piece."""

from . import _optional


class Sample:
    """One sample of a run, as the server streams it.

    ``seq`` numbers the run's messages from 1, ``t`` is the time, ``values`` and ``errors`` map each observable to
    its value and error estimate, ``dydt`` is max |dy/dt| of the state, ``event`` names the event that produced the
    sample ("" for a sample of the output grid), ``converged`` is False when some error estimate exceeds the
    tolerance the run asked for (the exact engine's quadrature_tolerance, method heom's heom_tolerance): such values
    are less accurate than asked. ``sample["Jx"]`` is ``sample.values["Jx"]``.
    """

    __slots__ = ("seq", "t", "values", "errors", "dydt", "event", "converged")

    def __init__(self, message):
        self.seq = message["seq"]
        self.t = message["t"]
        self.values = message.get("values", {})
        self.errors = message.get("errors", {})
        self.dydt = message.get("dydt")
        self.event = message.get("event", "")
        self.converged = message.get("converged", True)

    def __getitem__(self, name):
        return self.values[name]

    def __repr__(self):
        shown = ", ".join("%s=%.6g" % (k, v) for k, v in list(self.values.items())[:3] if v is not None)
        return "Sample(seq=%d, t=%g, %s%s)" % (self.seq, self.t, shown, ", ..." if len(self.values) > 3 else "")


def _spans(times, converged):
    """The (from, to) times of each run of consecutive samples that are not converged."""
    out = []
    start = None
    for i, (t, ok) in enumerate(zip(times, converged)):
        if not ok and start is None:
            start = t
        if start is not None and (ok or i == len(times) - 1):
            out.append((start, t if not ok else times[i - 1]))
            start = None
    return out


class Trajectory:
    """A run: the times ``t``, each observable's values and error estimates as arrays (numpy when present), the
    events, and once the run has ended its status and summary.

    * ``traj.t``, ``traj["Jx"]`` (or ``traj.values["Jx"]``), ``traj.errors["Jx"]``, ``traj.dydt``;
    * ``traj.converged``: per sample, whether its error estimates met the tolerance asked (booleans, numpy when
      present); ``traj.not_converged``: the spans ``(from, to)`` of consecutive samples that did not;
    * ``traj.observables``: the names, in the generator's order;
    * ``traj.events``: ``(t, event)`` for every sample an event produced (time marks, level crossings, the
      steady state);
    * ``traj.status``: ``finished``, ``cancelled`` or ``failed`` (``running`` for a stream still going);
    * ``traj.summary``: the JSON of ``coherent run --json`` (integrator statistics, accuracy, relaxation time,
      the observers' summaries); ``traj.end``: the stream's last message (``steady_state``, ``stopped_by``,
      ``failure``);
    * ``traj.to_pandas()``, ``traj.plot()``.
    """

    def __init__(self, samples, run=None, end=None):
        self.id = run.get("id") if run else None
        self.name = run.get("name") if run else None
        self.method = run.get("method") if run else None
        self.status = run.get("status", "running") if run else "running"
        self.summary = run.get("summary") if run else None
        self.end = end
        samples = list(samples)
        self.observables = list(samples[0].values) if samples else []
        self.t = _optional.array(s.t for s in samples)
        self.values = {n: _optional.array(s.values.get(n) for s in samples) for n in self.observables}
        self.errors = {n: _optional.array(s.errors.get(n) for s in samples) for n in self.observables}
        self.dydt = _optional.array(s.dydt for s in samples)
        self.converged = _optional.flags(s.converged for s in samples)
        self.not_converged = _spans([s.t for s in samples], [bool(s.converged) for s in samples])
        self.seq = [s.seq for s in samples]
        self._event_column = [s.event for s in samples]
        self.events = [(s.t, s.event) for s in samples if s.event]

    def __getitem__(self, name):
        if name == "t":
            return self.t
        try:
            return self.values[name]
        except KeyError:
            raise KeyError("%r is not an observable of this run; it has %s" % (name, ", ".join(self.observables))) \
                from None

    def __len__(self):
        return len(self.t)

    @property
    def steady_state(self):
        """The stream's steady-state verdict ``{"reached", "time", "reason"}`` (None while the run goes on)."""
        return self.end.get("steady_state") if self.end else None

    @property
    def failure(self):
        """Why the run failed, or None."""
        return self.end.get("failure") if self.end else None

    def final(self):
        """The observables at the last sample, as a dict."""
        return {n: self.values[n][-1] for n in self.observables}

    def to_pandas(self):
        """A DataFrame: ``t``, every observable, ``<name>_error`` for each (named as in every CSV of the product),
        ``dydt``, ``converged`` and ``event``; one row per sample. ``df.attrs`` holds the run's id, name, method and status."""
        pd = _optional.require_pandas("Trajectory.to_pandas()")
        columns = {"t": list(self.t)}
        for n in self.observables:
            columns[n] = list(self.values[n])
        for n in self.observables:
            columns[n + "_error"] = list(self.errors[n])
        columns["dydt"] = list(self.dydt)
        columns["converged"] = [bool(c) for c in self.converged]
        columns["event"] = list(self._event_column)
        df = pd.DataFrame(columns)
        df.attrs.update({"id": self.id, "name": self.name, "method": self.method, "status": self.status})
        return df

    def default_observables(self):
        """What :meth:`plot` shows by default: Jx, Jy, Jz of a bilinear model; the l1 coherence and the populations
        of a finite system; otherwise every observable but the currents."""
        if all(n in self.observables for n in ("Jx", "Jy", "Jz")):
            return ["Jx", "Jy", "Jz"]
        finite = [n for n in self.observables if n == "coherence_l1" or n.startswith("population.")]
        return finite or [n for n in self.observables if "current" not in n]

    def plot(self, observables=None, ax=None, errors=False, label=None, **line_options):
        """Plots observables against t on ``ax`` (a new figure if None) and returns the axes. Event times are
        dashed grey lines, the steady-state time a dash-dotted black line. ``errors=True`` shades value +- error
        estimate. ``label`` prefixes each curve's label (e.g. the method when overlaying runs)."""
        plt = _optional.pyplot("Trajectory.plot()")
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 4))
        names = [observables] if isinstance(observables, str) else list(observables or self.default_observables())
        for n in names:
            y = self[n]
            line, = ax.plot(self.t, y, label=n if label is None else "%s %s" % (label, n), **line_options)
            if errors:
                e = self.errors[n]
                ax.fill_between(self.t, [a - b for a, b in zip(y, e)], [a + b for a, b in zip(y, e)],
                                color=line.get_color(), alpha=0.2, linewidth=0)
        for t, event in self.events:
            if not event.startswith("steady"):
                ax.axvline(t, color="0.6", linestyle="--", linewidth=0.8)
        steady = self.steady_state
        if steady and steady.get("reached") and steady.get("time") is not None:
            ax.axvline(steady["time"], color="black", linestyle="-.", linewidth=1,
                       label="steady state at t = %.4g" % steady["time"])
        ax.set_xlabel("t")
        if len(names) == 1 and not ax.get_ylabel():
            ax.set_ylabel(names[0])
        # overlaid runs (a label per run) share the title of the scenario; one run's title names its method
        title = ", ".join(str(x) for x in (self.name, self.method if label is None else None) if x)
        if title and not ax.get_title():
            ax.set_title(title)
        ax.legend(loc="best", fontsize="small")
        return ax

    def __repr__(self):
        span = "t = %g .. %g" % (self.t[0], self.t[-1]) if len(self.t) else "no samples"
        return "Trajectory(%s, %s, %d samples, %s, %s)" % (self.name, self.method, len(self.t), span, self.status)
