"""numpy, pandas and matplotlib when they are installed; plain Python lists and a clear message when not."""

try:
    import numpy
except ImportError:  # the core works without it
    numpy = None

try:
    import pandas
except ImportError:
    pandas = None


def array(values):
    """A numpy float array when numpy is present (None becomes nan), else the list as it is."""
    if numpy is None:
        return list(values)
    return numpy.array([numpy.nan if v is None else v for v in values], dtype=float)


def require_pandas(what):
    if pandas is None:
        raise ImportError("%s needs pandas (Debian: apt-get install python3-pandas)" % what)
    return pandas


def pyplot(what):
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("%s needs matplotlib (Debian: apt-get install python3-matplotlib)" % what) from None
    return plt
