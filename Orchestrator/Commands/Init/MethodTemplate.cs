using System.Collections.Immutable;

namespace Sweep.Orchestrator.Commands.Init;

/// <summary>
/// What <c>sweep init</c> searches per method (docs/methods.md): the method's own knobs with ranges around the
/// papers' defaults, and the fixed settings the method needs (CKD's teacher).
/// </summary>
internal sealed record MethodTemplate(string Method, string Summary, ImmutableArray<SearchKnob> Knobs, ImmutableArray<string> Settings)
{
    private static readonly SearchKnob KtPow = new("kt.pow", "{ type: float, low: 1.0, high: 5.0 }", "3.0", "sliding replacement P = progress^pow");
    private static readonly SearchKnob DomainWeight = new("kt.domainWeight", "{ type: float, low: 0.05, high: 2.0, log: true }", "0.5", "β, weight of the CKA domain loss");
    private static readonly SearchKnob Str = new("kt.str", "{ type: categorical, choices: [true, false] }", "true", "STR per-step weights σ(η_t)");

    public static readonly ImmutableArray<MethodTemplate> All =
    [
        new("tmkt", "time-step mixup from RGB to events: searches r_m and its schedule, the MAG/MRP weights, β and STR",
            [
                new("tmkt.mixSchedule", "{ type: categorical, choices: [ramp, fixed] }", "ramp", "r_m ramps up over training, or stays fixed"),
                new("tmkt.mixRatio", "{ type: float, low: 0.1, high: 1.0 }", "1.0", "r_m (ramp: its end value)"),
                new("tmkt.rampPower", "{ type: float, low: 1.0, high: 5.0, when: { tmkt.mixSchedule: ramp } }", "3.0", "shape of the ramp"),
                new("tmkt.magWeight", "{ type: float, low: 0.01, high: 1.0, log: true }", "0.1", "λ_MAG, modality-aware guidance"),
                new("tmkt.mrpWeight", "{ type: float, low: 0.01, high: 1.0, log: true }", "0.1", "λ_MRP, mix-ratio perception"),
                DomainWeight,
                Str,
            ], []),
        new("ckd", "KT plus distillation from an ANN teacher: searches the KD weight, temperature and switch window, β, STR and P's exponent",
            [
                new("ckd.kdWeight", "{ type: float, low: 0.1, high: 4.0, log: true }", "1.0", "KD weight W before the switch"),
                new("ckd.temperature", "{ type: float, low: 1.0, high: 8.0, log: true }", "2.0", "τ of the KD softmax"),
                new("ckd.switchStart", "{ type: float, low: 0.1, high: 0.5 }", "0.3", "where W starts to fall (fraction of training)"),
                new("ckd.switchEnd", "{ type: float, low: 0.5, high: 0.9 }", "0.6", "where W reaches 0 (kept >= switchStart by the ranges)"),
                KtPow,
                DomainWeight,
                Str,
            ],
            ["ckd.teacher: auto               # trained once per (dataset, frame size, seed) into HOME/teachers/ and shared"]),
        new("kt", "knowledge transfer from RGB with sliding replacement: searches P's exponent, β and STR",
            [KtPow, DomainWeight, Str], []),
        new("dvs", "the events-only baseline (TET loss): searches the TET weight and the firing threshold",
            [
                new("tet.lambda", "{ type: float, low: 1.0e-4, high: 1.0e-1, log: true }", "1.0e-3", "λ of the TET loss"),
                new("tau", "{ type: float, low: 1.5, high: 4.0 }", "2.0", "LIF time constant"),
            ], []),
    ];
}
