"""coherent_client: the Python client of ``coherent serve``.

    from coherent_client import Coherent
    with Coherent() as c:                       # starts java -jar app/target/coherent.jar serve
        c.steady("partial-collective", theta=0.3)["observables"]["Jx"]
        traj = c.run("two-atoms", until=20)     # numpy arrays: traj.t, traj["coherence_l1"]
        df = c.sweep("partial-collective", params={"theta": (0, "pi/2", 11)})

See docs/python.md of the coherent checkout.
"""

from ._errors import CoherentError
from .client import Coherent, Stream
from .table import Table
from .trajectory import Sample, Trajectory

__version__ = "0.1.0"
__all__ = ["Coherent", "CoherentError", "Stream", "Sample", "Trajectory", "Table", "__version__"]
