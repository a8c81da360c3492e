"""A sweep's results as a table: a pandas DataFrame when pandas is present, else :class:`Table`."""

from . import _optional


class Table:
    """Columns of equal length, by name, in the order of ``coherent sweep``'s ``results.csv``: ``point``, the swept
    parameters, each observable and ``<name>_error``, ``converged``, ``unique`` (False where the steady state depends
    on the initial state), ``relaxation_time``, ``t`` (nan for a steady
    state computed directly), ``seconds``, ``status`` (``ok`` or ``failed``) and ``reason``.

    ``table["Jx"]`` is a column (a numpy array for numbers when numpy is present), ``table.rows()`` the rows as
    dicts, ``table.meta`` what the server said about the sweep (scenario, method, evaluation, parameters, failed,
    wall_seconds, ...), ``table.to_pandas()`` the DataFrame.
    """

    def __init__(self, answer):
        params = [p["name"] for p in answer["parameters"]]
        observables = answer["observables"]
        points = answer["points"]
        self.meta = {k: v for k, v in answer.items() if k != "points"}
        self.parameters = params
        self.observables = observables
        numbers = {}
        numbers["point"] = [p["point"] for p in points]
        for name in params:
            numbers[name] = [p["parameters"][name] for p in points]
        for name in observables:
            numbers[name] = [p["values"].get(name) for p in points]
            numbers[name + "_error"] = [p["errors"].get(name) for p in points]
        self._columns = {}
        for name, values in numbers.items():
            self._columns[name] = values if name == "point" else _optional.array(values)
        self._columns["converged"] = [p["converged"] for p in points]
        self._columns["unique"] = [p.get("unique") for p in points]
        for name in ("relaxation_time", "t", "seconds"):
            self._columns[name] = _optional.array(p[name] for p in points)
        self._columns["status"] = [p["status"] for p in points]
        self._columns["reason"] = [p["reason"] or "" for p in points]

    @property
    def columns(self):
        return list(self._columns)

    def __getitem__(self, name):
        try:
            return self._columns[name]
        except KeyError:
            raise KeyError("no column %r; the columns are %s" % (name, ", ".join(self._columns))) from None

    def __len__(self):
        return len(self._columns["point"])

    def rows(self):
        """The rows, in grid order (the first parameter slowest), as dicts."""
        return [{name: column[i] for name, column in self._columns.items()} for i in range(len(self))]

    def to_pandas(self):
        """The table as a DataFrame (``df.attrs`` holds :attr:`meta`)."""
        pd = _optional.require_pandas("Table.to_pandas()")
        df = pd.DataFrame({name: list(column) for name, column in self._columns.items()})
        df.attrs.update(self.meta)
        return df

    def __repr__(self):
        return "Table(%d rows: %s)" % (len(self), ", ".join(self.columns))
