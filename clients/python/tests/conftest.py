"""The tests talk to a real ``coherent serve`` started from the built jar (``mvn -B -q -DskipTests package -pl app -am``
in the checkout, or ``$COHERENT_JAR``)."""

import os
import pathlib

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from coherent_client import Coherent  # noqa: E402

CHECKOUT = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def jar():
    path = pathlib.Path(os.environ.get("COHERENT_JAR", CHECKOUT / "app" / "target" / "coherent.jar"))
    if not path.is_file():
        pytest.fail("no %s: build it with `mvn -B -q -DskipTests package -pl app -am`" % path, pytrace=False)
    return path


@pytest.fixture(scope="session")
def client(jar):
    """One server for the session, with the default two run places (compare has to share them)."""
    with Coherent(jar=jar) as c:
        yield c
