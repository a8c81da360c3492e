"""numpy, pandas and matplotlib when they are installed; plain Python lists and a clear message when not."""

try:
    import numpy
except ImportError:  # the core works without it
    numpy = None

_UNRESOLVED = object()
#: pandas once :func:`pandas_or_none` has looked (it takes most of a second to import, so only when a table is made)
pandas = _UNRESOLVED


def pandas_or_none():
    """pandas if it is installed, else None."""
    global pandas
    if pandas is _UNRESOLVED:
        try:
            import pandas as module
        except ImportError:
            module = None
        pandas = module
    return pandas


def array(values):
    """A numpy float array when numpy is present (None becomes nan), else the list as it is."""
    if numpy is None:
        return list(values)
    return numpy.array([numpy.nan if v is None else v for v in values], dtype=float)


def flags(values):
    """A numpy bool array when numpy is present, else a list of bools."""
    values = [bool(v) for v in values]
    return values if numpy is None else numpy.array(values, dtype=bool)


def require_pandas(what):
    if pandas_or_none() is None:
        raise ImportError("%s needs pandas (Debian: apt-get install python3-pandas)" % what)
    return pandas


def pyplot(what):
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("%s needs matplotlib (Debian: apt-get install python3-matplotlib)" % what) from None
    return plt
