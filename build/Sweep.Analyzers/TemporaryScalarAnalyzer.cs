using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Sweep.Analyzers;

/// <summary>
/// SWEEP001: a TorchSharp <c>Scalar</c> created just to be passed to a call (an implicit double → Scalar, or
/// <c>x.ToScalar()</c> as an argument). Nothing references it once its native handle has been read, so a GC
/// during the native call can run its finaliser and free the scalar mid-call: intermittent "Unknown scalar
/// type" / "toFloat" errors in training. Keep the Scalar in a local with <c>using</c>, a field, or a constant.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TemporaryScalarAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "SWEEP001";

    private static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Temporary TorchSharp Scalar passed to a call",
        "A temporary Scalar from {0} is passed to '{1}': it can be finalised during the native call; hold it in a 'using' local, a field or ScalarConstants",
        "Reliability",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Check, OperationKind.Argument);
    }

    private static void Check(OperationAnalysisContext context)
    {
        var argument = (IArgumentOperation)context.Operation;
        var value = argument.Value;
        if (!IsScalar(value.Type)) return;
        var source = value switch
        {
            IConversionOperation { OperatorMethod: not null } c when IsScalar(c.Type) => c.Operand.Type?.ToDisplayString() ?? "a value",
            IInvocationOperation { TargetMethod.Name: "ToScalar" } => "ToScalar()",
            _ => null,
        };
        if (source is null) return;
        var callee = argument.Parent switch
        {
            IInvocationOperation i => i.TargetMethod.Name,
            IObjectCreationOperation o => o.Type?.Name ?? "a constructor",
            _ => "a call",
        };
        context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), source, callee));
    }

    private static bool IsScalar(ITypeSymbol? type) =>
        type is { Name: "Scalar", ContainingNamespace: { Name: "TorchSharp", ContainingNamespace.IsGlobalNamespace: true } };
}
