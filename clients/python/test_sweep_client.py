"""Self-test of sweep_client: python3 -m unittest discover -s clients/python (standard library only)."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import sweep_client as sweep  # noqa: E402


def child_env(**extra):
    env = dict(os.environ)
    for name in ("SWEEP_PARAMS", "SWEEP_TRIAL", "SWEEP_TRIAL_DIR", "SWEEP_SWEEP_ID", "SWEEP_ATTEMPT"):
        env.pop(name, None)
    env["PYTHONPATH"] = HERE + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def run_child(code, **env):
    """Runs code in a fresh interpreter; returns (exit code, stdout lines, stderr)."""
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=child_env(**env),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=30)
    return proc.returncode, proc.stdout.splitlines(), proc.stderr


def protocol(lines):
    """The protocol lines among stdout lines (JSON objects with a "type")."""
    out = []
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict) and "type" in value:
            out.append(value)
    return out


class ParamsTests(unittest.TestCase):
    def setUp(self):
        self._saved = os.environ.pop("SWEEP_PARAMS", None)

    def tearDown(self):
        os.environ.pop("SWEEP_PARAMS", None)
        if self._saved is not None:
            os.environ["SWEEP_PARAMS"] = self._saved

    def test_without_sweep_params_returns_a_copy_of_the_defaults(self):
        defaults = {"lr": 0.1, "epochs": 8}
        p = sweep.params(defaults)
        self.assertEqual(p, defaults)
        p["lr"] = 1.0
        self.assertEqual(defaults["lr"], 0.1)
        self.assertEqual(sweep.params(), {})

    def test_sweep_params_win_over_defaults_and_add_keys(self):
        os.environ["SWEEP_PARAMS"] = '{"lr": 0.01, "model.width": 64, "tags": ["a", "b"]}'
        self.assertEqual(sweep.params({"lr": 0.1, "epochs": 8}),
                         {"lr": 0.01, "epochs": 8, "model.width": 64, "tags": ["a", "b"]})

    def test_sweep_params_must_be_a_json_object(self):
        os.environ["SWEEP_PARAMS"] = "[1, 2]"
        with self.assertRaisesRegex(ValueError, "JSON object"):
            sweep.params({})
        os.environ["SWEEP_PARAMS"] = "{lr: 1"
        with self.assertRaisesRegex(ValueError, "not valid JSON"):
            sweep.params({})

    def test_trial_information_from_the_environment(self):
        code = """
            import json, sweep_client as s
            print(json.dumps([s.trial_dir(), s.trial_number(), s.sweep_id(), s.attempt()]))
        """
        rc, out, err = run_child(code, SWEEP_TRIAL_DIR="/tmp/t/3", SWEEP_TRIAL="3", SWEEP_SWEEP_ID="abc", SWEEP_ATTEMPT="2")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out[0]), ["/tmp/t/3", 3, "abc", 2])
        with tempfile.TemporaryDirectory() as cwd:
            proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=child_env(), cwd=cwd,
                                  stdout=subprocess.PIPE, universal_newlines=True, timeout=30)
            self.assertEqual(json.loads(proc.stdout.splitlines()[0]), [os.path.realpath(cwd), None, None, 1])


class LineTests(unittest.TestCase):
    def test_report_and_result_lines(self):
        rc, out, err = run_child("""
            import sweep_client as s
            print("hello, ordinary output")
            s.report(step=10, epoch=1, loss=0.5, val_top1=0.25)
            s.report(epoch=2.0, loss=float("nan"), rate=3)
            print("more output")
            s.result(val_top1=0.75, best_epoch=2)
        """)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out[0], "hello, ordinary output")
        self.assertEqual(out[1], '{"type":"progress","step":10,"epoch":1,"loss":0.5,"val_top1":0.25}')
        self.assertEqual(json.loads(out[2]), {"type": "progress", "epoch": 2, "loss": None, "rate": 3})
        self.assertEqual(out[3], "more output")
        self.assertEqual(json.loads(out[4]), {"type": "result", "status": "complete", "val_top1": 0.75, "best_epoch": 2})
        self.assertEqual(len(out), 5)

    def test_failed_and_cancelled_results(self):
        rc, out, err = run_child("import sweep_client as s; s.fail('lr must be > 0 (got -1)')")
        self.assertEqual(rc, 0, err)
        self.assertEqual(protocol(out), [{"type": "result", "status": "failed", "error": "lr must be > 0 (got -1)"}])
        rc, out, err = run_child("import sweep_client as s; s.result(status='cancelled', error='stopped', val_top1=0.5)")
        self.assertEqual(protocol(out), [{"type": "result", "status": "cancelled", "val_top1": 0.5, "error": "stopped"}])

    def test_second_result_and_report_after_result_raise(self):
        rc, out, err = run_child("""
            import sweep_client as s
            s.result(value=1.0)
            for call in (lambda: s.result(value=2.0), lambda: s.fail("x"), lambda: s.report(step=1, value=1.0)):
                try:
                    call()
                except RuntimeError as e:
                    print("RuntimeError:", e)
        """)
        self.assertEqual(rc, 0, err)
        self.assertEqual(protocol(out), [{"type": "result", "status": "complete", "value": 1.0}])
        self.assertEqual(sum(line.startswith("RuntimeError:") for line in out), 3)

    def test_bad_arguments_raise_value_error(self):
        bad = [
            lambda: sweep.report(loss=1.0),
            lambda: sweep.report(step=-1, loss=1.0),
            lambda: sweep.report(step=1.5, loss=1.0),
            lambda: sweep.report(step=True, loss=1.0),
            lambda: sweep.report(step=1, loss="0.5"),
            lambda: sweep.report(step=1, loss=None),
            lambda: sweep.report(step=1, ok=True),
            lambda: sweep.report(step=1, type=1.0),
            lambda: sweep.result(status="done"),
            lambda: sweep.result(status="failed"),
            lambda: sweep.result(val_top1="high"),
        ]
        for call in bad:
            with self.assertRaises(ValueError):
                call()

    def test_metric_errors_name_the_metric(self):
        with self.assertRaisesRegex(ValueError, "'val_top1'"):
            sweep.report(step=1, val_top1="0.5")

    def test_lines_stay_whole_when_the_script_prints_without_flushing(self):
        rc, out, err = run_child("""
            import sys, sweep_client as s
            for i in range(200):
                sys.stdout.write("line %d\\n" % i)
                s.report(step=i, value=i * 0.5)
            s.result(value=1.0)
        """)
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(out), 401)
        self.assertEqual([p["step"] for p in protocol(out)[:-1]], list(range(200)))
        self.assertEqual(out[0], "line 0")
        self.assertEqual(json.loads(out[1])["step"], 0)


class SigtermTests(unittest.TestCase):
    def start(self, code, **env):
        return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=child_env(**env),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)

    def wait_for_line(self, proc):
        line = proc.stdout.readline()
        self.assertTrue(line, "the child wrote nothing before SIGTERM")
        return line

    def test_sigterm_exits_143_runs_finally_and_writes_a_cancelled_result(self):
        with tempfile.TemporaryDirectory() as d:
            marker = os.path.join(d, "checkpoint")
            proc = self.start("""
                import time, sweep_client as s
                try:
                    s.report(step=0, loss=1.0)
                    time.sleep(30)
                finally:
                    with open(%r, "w") as f:
                        f.write("saved")
            """ % marker)
            first = self.wait_for_line(proc)
            proc.send_signal(signal.SIGTERM)
            rest, err = proc.communicate(timeout=20)
            self.assertEqual(proc.returncode, 143, err)
            lines = [first.rstrip("\n")] + rest.splitlines()
            self.assertEqual(json.loads(lines[0]), {"type": "progress", "step": 0, "loss": 1.0})
            last = json.loads(lines[-1])
            self.assertEqual(last["type"], "result")
            self.assertEqual(last["status"], "cancelled")
            self.assertEqual(last["error"], "cancelled by SIGTERM")
            with open(marker) as f:
                self.assertEqual(f.read(), "saved")

    def test_polling_mode_lets_the_script_stop_itself(self):
        proc = self.start("""
            import time, sweep_client as s
            s.handle_sigterm(False)
            s.report(step=0, loss=1.0)
            step = 0
            while not s.should_stop():
                time.sleep(0.02)
                step += 1
            s.result(status="cancelled", error="stopped at step %d" % step)
        """)
        self.wait_for_line(proc)
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=20)
        self.assertEqual(proc.returncode, 0, err)
        results = protocol(rest.splitlines())
        self.assertEqual(len(results), 1)
        self.assertEqual(results[0]["status"], "cancelled")
        self.assertTrue(results[0]["error"].startswith("stopped at step"))

    def test_a_handler_the_script_installed_first_is_kept(self):
        proc = self.start("""
            import signal, sys, time
            signal.signal(signal.SIGTERM, lambda *a: sys.exit(7))
            import sweep_client as s
            s.report(step=0, loss=1.0)
            time.sleep(30)
        """)
        self.wait_for_line(proc)
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=20)
        self.assertEqual(proc.returncode, 7, err)
        self.assertEqual(protocol(rest.splitlines()), [])

    def test_no_cancelled_line_after_a_result(self):
        proc = self.start("""
            import time, sweep_client as s
            s.result(value=1.0)
            time.sleep(30)
        """)
        self.wait_for_line(proc)
        proc.send_signal(signal.SIGTERM)
        rest, err = proc.communicate(timeout=20)
        self.assertEqual(proc.returncode, 143, err)
        self.assertEqual(protocol(rest.splitlines()), [])


if __name__ == "__main__":
    unittest.main()
