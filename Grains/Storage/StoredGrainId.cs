using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Sweep.Grains.Storage;

/// <summary>
/// The <c>grain_id</c> column value (<c>GrainId.ToString()</c>, e.g. <c>"trial/sweep-1:7"</c>) for a grain class or
/// interface and a string key, computed without a silo: <c>[GrainType]</c> if present, else Orleans' convention
/// (class name, lower case, without a "Grain" suffix).
/// </summary>
public static class StoredGrainId
{
    private const string GrainSuffix = "grain";
    private static readonly Lazy<IServiceProvider> NoServices = new(() => new ServiceCollection().BuildServiceProvider());

    /// <summary>The stored id of the grain <typeparamref name="TGrain"/> (class or interface) with <paramref name="key"/>.</summary>
    public static string For<TGrain>(string key) where TGrain : IGrainWithStringKey => For(typeof(TGrain), key);

    /// <inheritdoc cref="For{TGrain}(string)"/>
    public static string For(Type grainClassOrInterface, string key)
    {
        ArgumentNullException.ThrowIfNull(grainClassOrInterface);
        ArgumentNullException.ThrowIfNull(key);
        return GrainId.Create(GrainTypeOf(grainClassOrInterface), key).ToString();
    }

    private static GrainType GrainTypeOf(Type type)
    {
        if (type.ContainsGenericParameters || type.IsGenericType)
        {
            throw new NotSupportedException($"Generic grain type {type} is not supported by {nameof(StoredGrainId)}.");
        }

        if (type.IsInterface)
        {
            return DefaultGrainTypeOf(type) is { } declared ? GrainType.Create(declared) : GrainTypeOf(SingleImplementation(type));
        }

        if (!type.IsClass || type.IsAbstract)
        {
            throw new ArgumentException($"{type} is neither a grain interface nor a non-abstract grain class.", nameof(type));
        }

        foreach (var attribute in type.GetCustomAttributes(inherit: false))
        {
            if (attribute is IGrainTypeProviderAttribute provider)
            {
                return provider.GetGrainType(NoServices.Value, type);
            }
        }

        // Same rule as Orleans.Metadata.GrainTypeResolver's convention for non-generic classes.
        var name = type.Name.ToLowerInvariant();
        var index = name.LastIndexOf(GrainSuffix, StringComparison.Ordinal);
        if (index > 0 && name.Length - index == GrainSuffix.Length)
        {
            name = name[..index];
        }

        return GrainType.Create(name);
    }

    private static string? DefaultGrainTypeOf(Type grainInterface) =>
        grainInterface.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType == typeof(DefaultGrainTypeAttribute))
            ?.ConstructorArguments.FirstOrDefault().Value as string;

    private static Type SingleImplementation(Type grainInterface)
    {
        var candidates = AppDomain.CurrentDomain.GetAssemblies()
            .Append(grainInterface.Assembly)
            .Distinct()
            .Where(a => !a.IsDynamic)
            .SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && grainInterface.IsAssignableFrom(t)
                && typeof(IGrainBase).IsAssignableFrom(t)) // not the generated GrainReference proxies
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new ArgumentException(
                $"Grain interface {grainInterface} has {candidates.Count} implementations in the loaded assemblies " +
                $"({string.Join(", ", candidates.Select(t => t.FullName))}); pass the grain class.", nameof(grainInterface));
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
