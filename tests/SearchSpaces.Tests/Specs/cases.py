# Generates tests/SearchSpaces.Tests/Specs/MalformedSpecCases*.cs: each case marks the expected error
# position in the YAML with ^ (first error) or ^^ (second), so columns come from the text, not the loader.
import re, sys
BASE = ["apiVersion: sweep/v1", "name: t1", "metric: { name: loss, goal: minimize }", "budget: { maxTrials: 4 }",
        "parameters:", "  x: { type: float, low: 0, high: 1 }", "trial: { command: ./train.sh }"]
def sub(line, text): l = list(BASE); l[line-1] = text; return l
def ins(after, *texts): l = list(BASE); l[after:after] = list(texts); return l
cases = [
 ("empty file", ["^"], ["the spec is empty; it must be a map with apiVersion, name, metric, budget, parameters and trial"]),
 ("document is a list", ["^- a", "- b"], ["the spec must be a map of apiVersion, name, metric, budget, parameters and trial (got a list)"]),
 ("two documents", BASE + ["^---", "name: t2"], ["a spec file must hold a single YAML document"]),
 ("api version", sub(1, "apiVersion: ^sweep/v2"), ["apiVersion must be sweep/v1 (got 'sweep/v2')"]),
 ("bad name", sub(2, "name: ^Tmkt_Quick"), ["name must be 1 to 63 characters of a-z, 0-9, '-', '_' and '.', starting with a letter or digit (got 'Tmkt_Quick')"]),
 ("name too long", sub(2, "name: ^" + "a" * 64), ["name must be 1 to 63 characters of a-z, 0-9, '-', '_' and '.', starting with a letter or digit (got '" + "a" * 64 + "')"]),
 ("missing budget", ["^" + BASE[0]] + BASE[1:3] + BASE[4:], ["budget is required"]),
 ("unknown top-level key", ins(4, "^paralel: 4"), ["paralel is not a known key (known: apiVersion, name, description, metric, sampler, pruner, budget, parameters, trial)"]),
 ("metric is a list", sub(3, "metric: ^[loss]"), ["metric must be a map (got a list)"]),
 ("metric goal misspelt", sub(3, "metric: { name: loss, goal: ^minimise }"), ["metric.goal must be one of minimize, maximize (got 'minimise'); did you mean 'minimize'?"]),
 ("budget key misspelt", sub(4, "budget: ^{ ^^maxTrial: 4 }"), ["budget.maxTrials is required", "^^budget.maxTrial is not a known key; did you mean 'maxTrials'?"]),
 ("maxTrials zero", sub(4, "budget: { maxTrials: ^0 }"), ["budget.maxTrials must be >= 1 (got 0)"]),
 ("parallel above max", sub(4, "budget: { maxTrials: 4, parallelTrials: ^8 }"), ["budget.parallelTrials must be <= maxTrials (got 8 > 4)"]),
 ("maxTrials not a number", sub(4, "budget: { maxTrials: ^many }"), ["budget.maxTrials must be an integer (got 'many')"]),
 ("bad duration", sub(4, "budget: { maxTrials: 4, timeout: ^12 hours }"), ["budget.timeout must be a duration such as 90s, 30m, 12h, 2d or 1h30m (got '12 hours')"]),
 ("duration as number", sub(4, "budget: { maxTrials: 4, timeout: ^3600 }"), ["budget.timeout must be a duration such as 90s, 30m, 12h, 2d or 1h30m (got 3600)"]),
 ("sampler type misspelt", ins(3, "sampler: { type: ^tp }"), ["sampler.type must be one of tpe, random, grid, qmc (got 'tp'); did you mean 'tpe'?"]),
 ("sampler type missing", ins(3, "sampler: ^{ seed: 1 }"), ["sampler.type is required"]),
 ("option of another sampler", ins(3, "sampler: { type: grid, ^candidates: 8 }"), ["sampler.candidates is not a known key for sampler type 'grid' (known: type, seed, pointsPerFloat, shuffle)"]),
 ("tpe candidates zero", ins(3, "sampler: { type: tpe, candidates: ^0 }"), ["sampler.candidates must be >= 1 (got 0)"]),
 ("tpe group without multivariate", ins(3, "sampler: { type: tpe, group: ^true }"), ["sampler.group requires sampler.multivariate: true"]),
 ("negative seed", ins(3, "sampler: { type: random, seed: ^-1 }"), ["sampler.seed must be >= 0 (got -1)"]),
 ("qmc sequence", ins(3, "sampler: { type: qmc, sequence: ^latin }"), ["sampler.sequence must be one of sobol, halton (got 'latin')"]),
 ("grid points", ins(3, "sampler: { type: grid, pointsPerFloat: ^1 }"), ["sampler.pointsPerFloat must be >= 2 (got 1)"]),
 ("asha max below min", ins(3, "pruner: { type: asha, minResource: 10, maxResource: ^5 }"), ["pruner.maxResource must be >= pruner.minResource (got 5 < 10)"]),
 ("median interval", ins(3, "pruner: { type: median, interval: ^0 }"), ["pruner.interval must be >= 1 (got 0)"]),
 ("pruner type", ins(3, "pruner: { type: ^successive_halving }"), ["pruner.type must be one of none, median, asha, hyperband (got 'successive_halving')"]),
 ("log flag not bool", sub(6, "  x: { type: float, low: 0, high: 1, log: ^yes }"), ["parameters.x.log must be true or false (got 'yes')"]),
 ("low above high", sub(6, "  x: { type: float, low: ^2, high: 1 }"), ["parameters.x.low must be <= high (got low=2, high=1)"]),
 ("log with non-positive low", sub(6, "  x: { type: float, low: ^-1, high: 1, log: true }"), ["parameters.x.low must be > 0 when log: true (got -1)"]),
 ("zero step", sub(6, "  x: { type: float, low: 0, high: 1, step: ^0 }"), ["parameters.x.step must be > 0 (got 0)"]),
 ("log and step", sub(6, "  x: { type: float, low: 0.1, high: 1, log: true, step: ^0.1 }"), ["parameters.x.step cannot be combined with log: true"]),
 ("int not integral", sub(6, "  x: { type: int, low: ^4.5, high: 8 }"), ["parameters.x.low must be an integer (got 4.5)"]),
 ("int log with step", sub(6, "  x: { type: int, low: 1, high: 8, log: true, step: ^2 }"), ["parameters.x.step must be 1 when log: true (got 2)"]),
 ("int log with zero low", sub(6, "  x: { type: int, low: ^0, high: 8, log: true }"), ["parameters.x.low must be >= 1 when log: true (got 0)"]),
 ("bound is infinite", sub(6, "  x: { type: float, low: 0, high: ^.inf }"), ["parameters.x.high must be a finite number (got .inf)"]),
 ("unknown parameter type", sub(6, "  x: { type: ^uniform, low: 0, high: 1 }"), ["parameters.x.type must be one of float, int, categorical (got 'uniform')"]),
 ("min instead of low", sub(6, "  x: ^{ type: float, ^^min: 0, high: 1 }"), ["parameters.x.low is required", "^^parameters.x.min is not a known key for a float parameter; did you mean 'low'?"]),
 ("empty choices", sub(6, "  x: { type: categorical, choices: ^[] }"), ["parameters.x.choices must not be empty"]),
 ("choices not a list", sub(6, "  x: { type: categorical, choices: ^a }"), ["parameters.x.choices must be a list (got 'a')"]),
 ("duplicate choice", sub(6, "  x: { type: categorical, choices: [a, b, ^a] }"), ["parameters.x.choices[2] repeats 'a' (choices must be unique)"]),
 ("duplicate key in a map", sub(6, "  x: { type: float, low: 0, ^low: 1, high: 1 }"), ["parameters.x.low is given twice (first at 6:21)"]),
 ("duplicate parameter", ins(6, "  ^x: { type: int, low: 0, high: 3 }"), ["parameters.x is given twice (first at 6:3)"]),
 ("bad parameter name", sub(6, "  ^x-y: { type: float, low: 0, high: 1 }"), ["parameters.x-y is not a valid parameter name (letters, digits and '_', dot-separated, not starting with a digit)"]),
 ("no parameters", ["apiVersion: sweep/v1", "name: t1", "metric: { name: loss, goal: minimize }", "budget: { maxTrials: 4 }", "parameters: ^{}", "trial: { command: ./train.sh }"], ["parameters must define at least one parameter"]),
 ("condition on a later parameter", ins(5, "  y: { type: float, low: 0, high: 1, when: { ^m: a } }", "  m: { type: categorical, choices: [a, b] }"), ["parameters.y.when.m names parameter 'm', which is defined after 'y'; a condition may only name earlier parameters"]),
 ("condition on an unknown parameter", ins(6, "  y: { type: float, low: 0, high: 1, when: { ^xx: 0.5 } }"), ["parameters.y.when.xx names no parameter; did you mean 'x'?"]),
 ("condition value not a choice", ins(6, "  m: { type: categorical, choices: [kt, tmkt] }", "  y: { type: float, low: 0, high: 1, when: { m: [kt, ^ckd] } }"), ["parameters.y.when.m value 'ckd' is not in the domain of 'm' (choices: 'kt', 'tmkt')"]),
 ("condition value outside an int range", ins(6, "  t: { type: int, low: 4, high: 12, step: 2 }", "  y: { type: float, low: 0, high: 1, when: { t: ^5 } }"), ["parameters.y.when.t value 5 is not in the domain of 't' (int in [4, 12], step 2)"]),
 ("empty condition", ins(6, "  y: { type: float, low: 0, high: 1, when: ^{} }"), ["parameters.y.when must name at least one earlier parameter, e.g. when: { method: tmkt }"]),
 ("trial without a target", sub(7, "trial: ^{ epochs: 3 }"), ["trial needs exactly one of method, command or function"]),
 ("trial with two targets", sub(7, "trial: { function: branin, ^command: \"python3 f.py\" }"), ["trial.command cannot be combined with trial.function; give exactly one of method, command or function"]),
 ("trial method misspelt", sub(7, "trial: { method: ^tmtk }"), ["trial.method must be one of dvs, kt, tmkt, ckd, ann (got 'tmtk'); did you mean 'tmkt'?"]),
 ("fixed key also searched", sub(7, "trial: { command: ./tr.sh, ^x: 0.5 }"), ["trial.x is also a search parameter (parameters.x at 6:3); a key is either fixed or searched"]),
 ("fixed key given dotted and nested", sub(7, "trial: { command: ./tr.sh, dataset.kind: a, dataset: { ^kind: b } }"), ["trial.dataset.kind is given twice (first at 7:28)"]),
 ("fixed key without value", sub(7, "trial: { command: ./tr.sh, epochs: ^~ }"), ["trial.epochs has no value; remove the key or give it one"]),
 ("method parameter without trial.method", ins(5, "  ^method: { type: categorical, choices: [kt, tmkt] }"), ["parameters.method picks the training method, so trial.method must be given (not command or function)"]),
 ("yaml syntax error", sub(3, "metric: { name: loss, goal: minimize"), None),
]
out = []
for name, lines, msgs in cases:
    pos = {}
    clean = []
    for i, l in enumerate(lines):
        while True:
            m = re.search(r"\^(\^?)", l)
            if not m: break
            pos["1" if m.group(1) else "0"] = (i + 1, m.start() + 1)
            l = l[:m.start()] + l[m.end():]
        clean.append(l)
    text = "\n".join(clean) + ("\n" if clean != [""] else "")
    if msgs is None: continue
    exp = []
    for msg in msgs:
        m = re.match(r"\^\^", msg)
        key = "1" if m else "0"
        msg = msg[m.end():] if m else msg
        if key not in pos: sys.exit(f"case {name!r}: no marker {key}")
        ln, col = pos[key]
        exp.append(f"spec.yaml:{ln}:{col}: {msg}")
    out.append((name, text, exp))
def cs(s): return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
half = (len(out) + 1) // 2
for part, chunk in ((1, out[:half]), (2, out[half:])):
    body = "\n".join(f"        {{ {cs(n)}, {cs(t)}, [{', '.join(cs(e) for e in ex)}] }}," for n, t, ex in chunk)
    open(f"{sys.argv[1]}/MalformedSpecCases{part}.cs", "w").write(f"""namespace Sweep.SearchSpaces.Tests.Specs;

// Generated from tests/SearchSpaces.Tests/Specs/cases.py: the expected positions come from ^ markers in the YAML.
public static class MalformedSpecCases{part}
{{
    public static TheoryData<string, string, string[]> All => new()
    {{
{body}
    }};
}}
""")
print(len(out), "cases")
