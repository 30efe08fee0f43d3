"""Optuna 3.1's fANOVA importances of the trials given on stdin (JSON), for the C# importance tests.

Input: {"space": {name: {"type": "float"|"int"|"categorical", ...}}, "trials": [{"params": {name: internal}, "value": v}],
        "seed": 0, "trees": n}. Output: {"importances": [[name, importance], ...] most important first, and with
"trees": n > 0 the first n fitted sklearn trees as {"feature", "threshold", "left", "right", "value"} lists}.
"""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import optuna  # noqa: E402
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution  # noqa: E402
from optuna.importance import FanovaImportanceEvaluator, get_param_importances  # noqa: E402

optuna.logging.set_verbosity(optuna.logging.ERROR)


def distribution(d):
    if d["type"] == "float":
        return FloatDistribution(d["low"], d["high"], log=d.get("log", False), step=d.get("step"))
    if d["type"] == "int":
        return IntDistribution(d["low"], d["high"], log=d.get("log", False), step=d.get("step", 1))
    return CategoricalDistribution(d["choices"])


request = json.load(sys.stdin)
space = {name: distribution(d) for name, d in request["space"].items()}
study = optuna.create_study()
for t in request["trials"]:
    dists = {name: space[name] for name in t["params"]}
    params = {name: dists[name].to_external_repr(v) for name, v in t["params"].items()}
    study.add_trial(optuna.trial.create_trial(params=params, distributions=dists, value=t["value"]))

evaluator = FanovaImportanceEvaluator(seed=request.get("seed", 0))
importances = get_param_importances(study, evaluator=evaluator)
out = {"importances": [[name, value] for name, value in importances.items()]}
n_trees = request.get("trees", 0)
if n_trees:
    out["trees"] = [
        {
            "feature": e.tree_.feature.tolist(),
            "threshold": e.tree_.threshold.tolist(),
            "left": e.tree_.children_left.tolist(),
            "right": e.tree_.children_right.tolist(),
            "value": e.tree_.value.reshape(-1).tolist(),
        }
        for e in evaluator._evaluator._forest.estimators_[:n_trees]
    ]
print(json.dumps(out))
