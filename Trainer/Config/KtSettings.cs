namespace Sweep.Trainer.Config;

/// <summary><c>kt.*</c>: sliding-replacement exponent, domain-loss weight β, spatio-temporal regularisation.</summary>
public sealed record KtSettings(double Pow, double DomainWeight, bool Str);
