"""coherent_client against a real server: every function, streams, cancellation, errors, the server's life cycle."""

import json
import math
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import warnings

import pytest

import coherent_client
from coherent_client import Coherent, CoherentError, Table, Trajectory
from coherent_client import _optional

TWO_ATOMS_SHORT = dict(until=5, points=51)


def records(table):
    """A sweep's rows as dicts, whether it came as a DataFrame or as a Table."""
    return table.rows() if isinstance(table, Table) else table.to_dict("records")


# ---------------------------------------------------------------------- presets and steady states

def test_presets_list_parameters_with_defaults_meanings_and_methods(client):
    presets = {p["name"]: p for p in client.presets()}
    assert {"partial-collective", "two-atoms", "coupled-qubits", "composite-qubit", "multiplexed"} <= set(presets)
    pc = presets["partial-collective"]
    assert pc["default_method"] == "exact"
    assert pc["methods"][:4] == ["exact", "redfield", "secular", "local-lindblad"]
    theta = next(p for p in pc["parameters"] if p["name"] == "theta")
    assert theta["default"] == "pi/8" and "collective" in theta["meaning"]


def test_steady_is_the_json_of_the_cold_command_line(client, jar):
    got = client.steady("partial-collective", theta=0.3, T=0.5)
    cli = subprocess.run(["java", "-jar", str(jar), "steady", "partial-collective", "--set", "theta=0.3", "--set",
                          "T=0.5", "--json"], capture_output=True, text=True, check=True)
    assert got == json.loads(cli.stdout)
    assert got["converged"] and got["error_estimate"] < 1e-8


def test_a_scenario_is_a_preset_name_yaml_text_a_path_or_a_dict(client, tmp_path):
    expected = client.steady("partial-collective", theta="pi/8", T=0.5)["observables"]
    yaml = "preset: partial-collective\nparameters: {theta: pi/8}\n"
    assert client.steady(yaml, T=0.5)["observables"] == expected
    path = tmp_path / "pc.yaml"
    path.write_text(yaml)
    assert client.steady(path, T=0.5)["observables"] == expected
    assert client.steady(str(path), T=0.5)["observables"] == expected
    assert client.steady({"preset": "partial-collective", "parameters": {"theta": math.pi / 8, "T": 0.5}})[
        "observables"]["Jx"] == pytest.approx(expected["Jx"], abs=1e-12)


TWO_MODES = """model: bilinear
hamiltonian: [[1.0, 0.05], [0.05, 1.2]]
baths:
  - {name: hot, coupling: [1, 0], temperature: 2, spectral_density: {type: lorentzian, center: 1, width: 0.5, strength: 0.4}}
  - {name: cold, coupling: [0, 1], temperature: 0.2, spectral_density: {type: drude-lorentz, lambda: 0.05, gamma: 2}}
"""


def test_a_model_file_with_a_bath_override_conserves_energy(client):
    warm = client.steady(TWO_MODES)
    hotter = client.steady(TWO_MODES, **{"baths.hot.temperature": 3})
    for ss in (warm, hotter):  # in the steady state what the hot bath puts in, the cold one takes out
        currents = ss["observables"]["energy_current"]
        assert currents["hot"] > 0 and currents["hot"] + currents["cold"] == pytest.approx(0, abs=1e-8)
    assert hotter["observables"]["energy_current"]["hot"] > warm["observables"]["energy_current"]["hot"]
    with pytest.raises(CoherentError, match="no such bath; baths are hot, cold") as e:
        client.steady(TWO_MODES, **{"baths.warm.temperature": 3})
    assert e.value.status == 400


def test_secular_loses_the_steady_state_coherence_that_redfield_keeps(client):
    # two-atoms: the secular approximation drops the population-coherence terms, so its steady state is diagonal in
    # the eigenbasis of H_S; Bloch-Redfield keeps a coherence (Tscherbul-Brumer, the preset's paper)
    redfield = client.steady("two-atoms")
    secular = client.steady("two-atoms", method="secular")
    assert redfield["method"] == "redfield" and secular["method"] == "secular"
    assert redfield["observables"]["coherence_l1"] > 0.1
    assert abs(secular["observables"]["coherence_l1"]) < 1e-10


def test_parameters_of_every_python_type_reach_the_server_as_set_does(client):
    np = pytest.importorskip("numpy")
    by_text = client.steady("partial-collective", theta="pi/8")["observables"]["Jx"]
    assert client.steady("partial-collective", theta=np.float64(np.pi / 8))["observables"]["Jx"] == by_text
    assert client.steady("partial-collective", theta=math.pi / 8)["observables"]["Jx"] == by_text
    assert list(client.run("two-atoms", output="list", times=[0.5, 2, 10]).t) == [0, 0.5, 2, 10]
    assert list(client.run("two-atoms", until=np.int64(2), points=np.int64(3)).t) == [0, 1, 2]
    assert client.steady("two-atoms", lamb_shift=False)["converged"]


# ---------------------------------------------------------------------- runs

def test_run_returns_arrays_errors_events_and_the_summary(client):
    traj = client.run("two-atoms", xi=2, **TWO_ATOMS_SHORT)
    assert isinstance(traj, Trajectory)
    assert traj.status == "finished" and traj.name == "two-atoms" and traj.method == "redfield"
    assert len(traj) == 51 and traj.t[0] == 0 and traj.t[-1] == 5
    assert all(b > a for a, b in zip(traj.t, traj.t[1:]))
    assert "coherence_l1" in traj.observables and len(traj["coherence_l1"]) == 51
    assert len(traj.errors["coherence_l1"]) == 51 and max(traj.errors["coherence_l1"]) < 1e-6
    populations = [n for n in traj.observables if n.startswith("population.")]
    assert len(populations) == 4
    for i in range(len(traj)):  # the trace is conserved at every sample
        assert sum(traj[n][i] for n in populations) == pytest.approx(1, abs=1e-8)
    assert traj.summary["until"] == 5 and traj.summary["metrics"]["samples_published"] == 51
    assert traj.summary["observables"]["coherence_l1"] == traj.final()["coherence_l1"]
    assert traj.events == [] and traj.end["failure"] is None


def test_steady_has_each_observables_error_estimate(client):
    """error_estimates has the shape of observables; each bounds the distance from a high-precision steady state."""
    loose = client.steady("composite-qubit", quadrature_tolerance=1e-5)
    tight = client.steady("composite-qubit", quadrature_tolerance=1e-13)
    errors, values, reference = loose["error_estimates"], loose["observables"], tight["observables"]
    assert errors.keys() == values.keys()
    # names with a dot are grouped (population -> 1, 2), in both objects alike
    flat = [(values[n], reference[n], errors[n]) for n in values if not isinstance(values[n], dict)]
    flat += [(values[n][k], reference[n][k], errors[n][k]) for n in values if isinstance(values[n], dict) for k in values[n]]
    assert len(flat) == 10
    for value, exact, error in flat:
        assert abs(value - exact) <= error
    assert loose["error_estimate"] == max(error for _, _, error in flat)
    assert errors["v2"] < 1e-6 * loose["error_estimate"]
    assert loose["relaxation_time_error"] > 0 and loose["relaxation_time_note"]


def test_samples_less_accurate_than_asked_are_flagged(client):
    """composite-qubit's hierarchy at depth 2: its embedded estimate exceeds heom_tolerance 1e-6 after t = 0."""
    traj = client.run("composite-qubit", method="heom", heom_depth=2, heom_exponents=1, until=1, points=51)
    assert traj.status == "finished"
    assert list(traj.converged) == [True] + [False] * 50
    assert traj.not_converged == [(pytest.approx(0.02), 1.0)]
    assert traj.summary["accuracy"]["converged"] is False
    assert traj.summary["accuracy"]["sample_tolerance"] == "heom_tolerance 1.0E-6"
    assert list(traj.to_pandas()["converged"]) == list(traj.converged)
    fine = client.run("two-atoms", **TWO_ATOMS_SHORT)
    assert all(fine.converged) and fine.not_converged == [] and fine.summary["accuracy"]["converged"] is True


def test_a_run_stopped_at_the_steady_state_ends_where_the_steady_solver_is(client):
    traj = client.run("two-atoms", until=200, points=401, stop_on_steady=True)
    assert traj.steady_state["reached"], traj.steady_state
    assert traj.t[-1] < 200
    assert any(event.startswith("steady") for _, event in traj.events)
    direct = client.steady("two-atoms")["observables"]  # names with a dot are grouped: population -> 1, 2, ...
    assert traj.final()["coherence_l1"] == pytest.approx(direct["coherence_l1"], abs=1e-5)
    for k in ("1", "2", "3", "4"):
        assert traj.final()["population." + k] == pytest.approx(direct["population"][k], abs=1e-5), k


@pytest.mark.skipif(_optional.pandas_or_none() is None, reason="pandas is not installed")
def test_to_pandas(client):
    traj = client.run("two-atoms", **TWO_ATOMS_SHORT)
    df = traj.to_pandas()
    assert len(df) == 51
    assert list(df.columns[:2]) == ["t", traj.observables[0]]
    assert "coherence_l1_error" in df.columns and "event" in df.columns
    assert df["coherence_l1"].iloc[-1] == traj.final()["coherence_l1"]
    assert df.attrs["method"] == "redfield"


def test_plot_draws_the_default_observables(client, tmp_path):
    plt = pytest.importorskip("matplotlib.pyplot")
    traj = client.run("partial-collective", until=20, points=41)
    ax = traj.plot(errors=True)
    assert [line.get_label() for line in ax.get_lines()] == ["Jx", "Jy", "Jz"]
    ax.figure.savefig(tmp_path / "run.png")
    assert (tmp_path / "run.png").stat().st_size > 5000
    plt.close(ax.figure)


# ---------------------------------------------------------------------- streams

def test_a_stream_yields_every_sample_once_in_order_then_ends(client):
    stream = client.stream("two-atoms", **TWO_ATOMS_SHORT)
    samples = list(stream)
    assert [s.seq for s in samples] == list(range(1, 52))
    assert [s.t for s in samples] == [i / 10 for i in range(51)]
    assert stream.end["end"] and stream.end["seq"] == 52 and stream.end["failure"] is None
    # the same samples as the server's own record of the run, and as a run of the same scenario
    with urllib.request.urlopen(client.url + "/api/runs/%s/trajectory?format=jsonl" % stream.id) as r:
        recorded = [json.loads(line) for line in r.read().decode().splitlines()]
    assert [m["seq"] for m in recorded] == list(range(1, 53))
    assert [m["values"] for m in recorded[:-1]] == [s.values for s in samples]
    again = client.run("two-atoms", **TWO_ATOMS_SHORT)
    assert list(again["coherence_l1"]) == [s["coherence_l1"] for s in samples]
    assert stream.trajectory().status == "finished"
    assert next(stream, None) is None  # an ended stream stays ended


def test_a_long_stream_arrives_complete_and_in_order_across_a_reconnection(client):
    stream = client.stream("two-atoms", until=100, points=2000)
    samples = [next(stream) for _ in range(700)]
    stream._disconnect()  # the connection drops: the stream resumes after the last sample it has (Last-Event-ID)
    samples += list(stream)
    assert [s.seq for s in samples] == list(range(1, 2001))
    assert all(b.t > a.t for a, b in zip(samples, samples[1:]))
    assert samples[-1].t == 100 and stream.end["seq"] == 2001


def test_leaving_the_loop_cancels_the_run(client):
    stream = client.stream("partial-collective", until=5000, points=2000)
    run_id = stream.id
    for sample in stream:
        if sample.seq == 3:
            break
    del sample, stream  # the loop's iterator is gone: the run is cancelled, and has ended when that returns
    status = client.status(run_id)
    assert status["status"] == "cancelled"
    assert status["summary"]["until"] < 5000


def test_closing_a_stream_or_an_error_in_its_block_cancels_the_run(client):
    with pytest.raises(ZeroDivisionError):
        with client.stream("partial-collective", until=5000, points=2000) as stream:
            next(stream)
            1 / 0
    assert client.status(stream.id)["status"] == "cancelled"
    partial = stream.trajectory()
    assert partial.status == "cancelled" and len(partial) >= 1
    assert next(stream, None) is None


# ---------------------------------------------------------------------- compare and sweep

def test_compare_runs_every_method_on_the_same_times(client):
    methods = ["exact", "redfield", "secular", "local-lindblad"]  # more than the server's two run places
    trajs = client.compare("partial-collective", methods, until=10, points=21)
    assert list(trajs) == methods
    for m, traj in trajs.items():
        assert traj.method == m and traj.status == "finished"
        assert list(traj.t) == list(trajs["exact"].t)
        assert traj["Jx"][0] == trajs["exact"]["Jx"][0]  # the same initial state
    assert client.compare("two-atoms", "redfield,secular", until=2, points=5)["secular"].method == "secular"


def test_sweep_is_a_table_of_the_same_steady_states(client):
    table = client.sweep("partial-collective", params={"theta": (0, "pi/2", 5)})
    rows = records(table)
    assert [r["theta"] for r in rows] == pytest.approx([i * math.pi / 8 for i in range(5)], abs=1e-15)
    for r in rows:
        assert r["status"] == "ok" and r["converged"]
        direct = client.steady("partial-collective", theta=r["theta"])
        assert r["Jx"] == direct["observables"]["Jx"]
        assert r["Jx_error"] < 1e-8
    # theta = 0: the antisymmetric mode is decoherence-free and keeps the vacuum part -(1 - sin 2 kappa)/2 = -1, so the
    # steady state depends on the initial state (not unique); for theta > 0 every mode relaxes
    assert rows[0]["Jx_vacuum"] == pytest.approx(-1, abs=1e-12)
    assert [r["unique"] for r in rows] == [False, True, True, True, True]


def test_a_two_parameter_sweep_and_a_sweep_of_runs(client):
    table = client.sweep("partial-collective", params={"theta": "0:pi/4:3", "T": (0.5, 2, 3, "log")})
    rows = records(table)
    assert len(rows) == 9
    assert [r["T"] for r in rows[:3]] == pytest.approx([0.5, 1, 2])
    runs = client.sweep("two-atoms", params={"xi": (1, 3, 3)}, steady=False, until=2, points=11)
    rows = records(runs)
    assert [r["t"] for r in rows] == [2, 2, 2]


def test_without_pandas_a_sweep_is_a_table(client, monkeypatch):
    monkeypatch.setattr(_optional, "pandas", None)
    table = client.sweep("partial-collective", params={"theta": (0.1, 0.2, 2)})
    assert isinstance(table, Table)
    assert table.columns[:3] == ["point", "theta", "Jx"]
    assert len(table["Jx"]) == 2 and table["status"] == ["ok", "ok"]
    with pytest.raises(ImportError, match="python3-pandas"):
        table.to_pandas()


def test_a_failed_point_is_kept_with_its_reason_and_warned_about(client):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = client.sweep("two-atoms", params={"X": (1, 3, 3)}, steady=False, until="X*40000", points=11)
    rows = records(table)
    assert [r["status"] for r in rows] == ["ok", "ok", "failed"]
    assert "--max-until" in rows[2]["reason"]
    assert any("1 of 3 points failed" in str(w.message) for w in caught)


# ---------------------------------------------------------------------- errors

def test_a_bad_key_is_a_400_naming_the_key(client):
    with pytest.raises(CoherentError) as e:
        client.steady("two-atoms", bogus=1)
    assert e.value.status == 400
    assert e.value.message.startswith("set: unknown key 'bogus' for two-atoms; allowed keys: ")
    with pytest.raises(CoherentError) as e:
        client.run("partial-collective", gamma=-1, until=1)
    assert e.value.status == 400 and "gamma = -1 is not allowed" in e.value.message
    with pytest.raises(CoherentError) as e:
        client.sweep("partial-collective", params={"bogus": (0, 1, 3)})
    assert e.value.status == 400 and "unknown key 'bogus'" in e.value.message
    with pytest.raises(CoherentError) as e:
        client.run("two-atoms", until=1e9)
    assert e.value.status == 400 and e.value.message.startswith("until = 1e9 is not allowed here")


def test_methods_are_passed_on_as_they_are(client):
    with pytest.raises(CoherentError) as e:
        client.run("two-atoms", method="no-such-method", until=1)
    assert e.value.status == 400 and "method = no-such-method is not allowed" in e.value.message
    with pytest.raises(CoherentError) as e:
        client.compare("two-atoms", ["redfield", "exact"], until=1)  # exact needs a bilinear model
    assert e.value.status == 400 and "method" in e.value.message


def test_client_side_refusals(client):
    with pytest.raises(CoherentError) as e:
        client.steady("no-such-preset")
    assert e.value.status is None and "presets are partial-collective" in e.value.message
    with pytest.raises(CoherentError, match="params is empty"):
        client.sweep("two-atoms", params={})
    with pytest.raises(CoherentError, match="expected \\(start, stop, n\\)"):
        client.sweep("two-atoms", params={"xi": (1, 2)})
    with pytest.raises(CoherentError) as e:
        client.status("0123456789abcdef")
    assert e.value.status == 404


# ---------------------------------------------------------------------- the server's life cycle

def refuses(url):
    host, port = url.rsplit("/", 1)[-1].rsplit(":", 1)
    with socket.socket() as s:
        return s.connect_ex((host, int(port))) != 0


def test_the_server_stops_when_the_client_closes(jar):
    with Coherent(jar=jar, max_runs=1) as c:
        process = c.server.process
        assert c.steady("two-atoms")["converged"]
        other = Coherent(url=c.url)  # a second client of the same server
        other.close()  # does not stop a server it did not start
        assert c.presets()
        with pytest.raises(CoherentError) as e:  # one run place: a second run must wait
            with c.stream("partial-collective", until=5000, points=2000):
                c.steady("two-atoms")
        assert e.value.status == 429
        assert c.steady("two-atoms")["converged"]  # the cancelled run gave its place back
    assert process.poll() is not None
    assert refuses(c.url)
    with pytest.raises(CoherentError, match="cannot reach"):
        c.presets()


def test_the_server_ends_when_the_python_process_is_killed(jar):
    script = ("import os, sys; from coherent_client import Coherent; c = Coherent(jar=sys.argv[1]); "
              "print(c.server.process.pid, flush=True); sys.stdin.read()")
    parent = subprocess.Popen([sys.executable, "-c", script, str(jar)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    server = int(parent.stdout.readline())
    assert os.path.exists("/proc/%d" % server)
    parent.kill()  # SIGKILL: no atexit, no close()
    parent.wait()
    deadline = time.monotonic() + 30
    try:
        while alive(server):
            assert time.monotonic() < deadline, "the server outlived its client"
            time.sleep(0.1)
    finally:
        if alive(server):
            os.kill(server, signal.SIGKILL)


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split()[2] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_a_missing_jar_is_a_clear_error(tmp_path):
    with pytest.raises(CoherentError, match="no such file"):
        Coherent(jar=tmp_path / "missing.jar")
    with pytest.raises(CoherentError, match="url .* or jar"):
        Coherent(url="http://127.0.0.1:1", jar=tmp_path / "missing.jar")


def test_version():
    assert coherent_client.__version__ == "0.1.0"
