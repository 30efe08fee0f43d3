using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sweep.Orchestrator.Tests.Deploy;

/// <summary>
/// The files of deploy/ parsed and checked against the silo's command-line contract and each other (ports, labels,
/// secret names, the executable's name). Nothing here runs Docker, Kubernetes, Slurm or systemd: the build machines
/// have none of them.
/// </summary>
public sealed partial class DeployFilesTests
{
    private const int DrainGraceSeconds = 60;

    private static readonly string Root = FindRoot();

    private static string DeployFile(params string[] parts) => Path.Combine([Root, "deploy", .. parts]);

    [Fact]
    public void Every_yaml_file_parses_and_every_kubernetes_document_names_its_object()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "deploy"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("docker-compose.yml", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.Contains("/kubernetes/", StringComparison.Ordinal)) >= 4, string.Join(", ", files));
        foreach (var file in files)
        {
            var documents = LoadYaml(file);
            Assert.NotEmpty(documents);
            if (!file.Contains("/kubernetes/", StringComparison.Ordinal)) continue;
            foreach (var doc in documents)
            {
                Assert.False(string.IsNullOrEmpty(Text(doc, "apiVersion")), $"{file}: a document without apiVersion");
                Assert.False(string.IsNullOrEmpty(Text(doc, "kind")), $"{file}: a document without kind");
                Assert.False(string.IsNullOrEmpty(Text(doc, "metadata", "name")), $"{file}: a {Text(doc, "kind")} without a name");
            }
        }
    }

    [Fact]
    public void No_deploy_file_puts_a_password_in_a_postgres_url()
    {
        var withPassword = PasswordInUrl();
        Assert.Matches(withPassword, "postgres://sweep:hunter2@db/sweep");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "deploy"), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(withPassword.IsMatch(text), $"{file}: a postgres URL with a password ({withPassword.Match(text).Value})");
        }
    }

    [Fact]
    public void Compose_runs_postgres_and_two_silos_that_wait_for_it()
    {
        var composeFile = DeployFile("docker", "docker-compose.yml");
        var compose = LoadYaml(composeFile).Single();
        var services = Map(compose, "services");
        Assert.Equal(new[] { "postgres", "silo1", "silo2" }, services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());

        var postgres = Map(services, "postgres");
        Assert.StartsWith("postgres:15", Text(postgres, "image"));
        var pgEnv = Map(postgres, "environment");
        Assert.Equal("sweep", Text(pgEnv, "POSTGRES_USER"));
        Assert.Equal("sweep", Text(pgEnv, "POSTGRES_DB"));
        Assert.Null(Find(pgEnv, "POSTGRES_PASSWORD"));
        Assert.StartsWith("/run/secrets/", Text(pgEnv, "POSTGRES_PASSWORD_FILE"));
        Assert.Contains("pg_isready", Strings(Find(postgres, "healthcheck", "test")));
        Assert.NotEmpty(Strings(Find(postgres, "volumes")));

        var entrypoint = DockerfileEntrypoint();
        var secretFiles = Map(compose, "secrets");
        foreach (var name in new[] { "silo1", "silo2" })
        {
            var silo = Map(services, name);
            // The build context is the repository root, so the root .dockerignore applies.
            var context = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(composeFile)!, Text(silo, "build", "context")));
            Assert.Equal(Root.TrimEnd('/'), context.TrimEnd('/'));
            Assert.Equal("deploy/docker/Dockerfile", Text(silo, "build", "dockerfile"));

            var argv = entrypoint.Concat(Strings(Find(silo, "command"))).ToList();
            Assert.Equal("silo", argv[1]);
            var url = OptionValue(argv, "--cluster");
            Assert.Equal("postgres://sweep@postgres:5432/sweep", url);
            Assert.Equal(name, OptionValue(argv, "--advertise"));
            Assert.Equal("2", OptionValue(argv, "--cpu-slots"));

            Assert.Equal("service_healthy", Text(silo, "depends_on", "postgres", "condition"));
            var expose = Strings(Find(silo, "expose"));
            Assert.Contains("11111", expose);
            Assert.Contains("30000", expose);
            Assert.True(Seconds(Text(silo, "stop_grace_period")) > DrainGraceSeconds, "docker stop must wait out the drain");

            // PGPASSFILE and SWEEP_KEY name secrets this service mounts, each backed by a file.
            var env = Map(silo, "environment");
            var mounted = Strings(Find(silo, "secrets"));
            foreach (var variable in new[] { "PGPASSFILE", "SWEEP_KEY" })
            {
                var path = Text(env, variable);
                Assert.StartsWith("/run/secrets/", path);
                var secret = path["/run/secrets/".Length..];
                Assert.Contains(secret, mounted);
                Assert.StartsWith("./secrets/", Text(secretFiles, secret, "file"));
            }
        }

        var ports = Strings(Find(services, "silo1", "ports"));
        Assert.Contains(ports, p => p.EndsWith(":30000", StringComparison.Ordinal));
        Assert.Null(Find(services, "silo2", "ports"));
    }

    [Fact]
    public void Kubernetes_manifests_hold_every_object_the_silos_need()
    {
        var docs = KubernetesDocuments();
        var kinds = docs.Select(d => Text(d, "kind")).ToHashSet();
        foreach (var kind in new[] { "Deployment", "Service", "ServiceAccount", "Role", "RoleBinding", "Secret", "StatefulSet" })
            Assert.Contains(kind, kinds);

        var postgresService = Object(docs, "Service", "postgres");
        Assert.Contains(Items(Find(postgresService, "spec", "ports")), p => Text(p, "port") == "5432");
        var postgres = Object(docs, "StatefulSet", "postgres");
        var container = Assert.Single(Items(Find(postgres, "spec", "template", "spec", "containers")));
        Assert.StartsWith("postgres:15", Text(container, "image"));
        var claims = Items(Find(postgres, "spec", "volumeClaimTemplates")).Select(c => Text(c, "metadata", "name"));
        var mounts = Items(Find(container, "volumeMounts")).Select(m => Text(m, "name"));
        Assert.NotEmpty(claims.Intersect(mounts));
        // The service's selector picks the database's pods.
        var selector = Map(postgresService, "spec", "selector");
        var podLabels = Map(postgres, "spec", "template", "metadata", "labels");
        foreach (var (key, value) in Pairs(selector)) Assert.Equal(value, Text(podLabels, key));
    }

    [Fact]
    public void Silo_deployment_matches_orleans_kubernetes_hosting_and_the_gpu_pool()
    {
        var docs = KubernetesDocuments();
        var deployment = Object(docs, "Deployment", "sweep-silo");
        var pod = Map(deployment, "spec", "template");
        var podSpec = Map(pod, "spec");
        var labels = Map(pod, "metadata", "labels");
        var container = Assert.Single(Items(Find(podSpec, "containers")));
        var env = Items(Find(container, "env")).ToDictionary(e => Text(e, "name"));

        // UseKubernetesHosting: ids from ORLEANS_*, the pod found by its orleans/* labels, which must agree.
        Assert.Equal(Text(env["ORLEANS_SERVICE_ID"], "value"), Text(labels, "orleans/serviceId"));
        Assert.Equal(Text(env["ORLEANS_CLUSTER_ID"], "value"), Text(labels, "orleans/clusterId"));
        Assert.Equal(Text(env["ORLEANS_SERVICE_ID"], "value"), Text(env["SWEEP_SERVICE_ID"], "value"));
        Assert.Equal(Text(env["ORLEANS_CLUSTER_ID"], "value"), Text(env["SWEEP_CLUSTER_ID"], "value"));
        foreach (var (key, value) in Pairs(Map(deployment, "spec", "selector", "matchLabels"))) Assert.Equal(value, Text(labels, key));
        Assert.Equal("metadata.name", Text(env["POD_NAME"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", Text(env["POD_NAMESPACE"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", Text(env["POD_IP"], "valueFrom", "fieldRef", "fieldPath"));

        // The cluster URL from the Secret, under a key the example Secret has.
        var secret = Object(docs, "Secret", Text(env["SWEEP_CLUSTER"], "valueFrom", "secretKeyRef", "name"));
        Assert.Contains(Text(env["SWEEP_CLUSTER"], "valueFrom", "secretKeyRef", "key"), SecretKeys(secret));

        // PGPASSFILE and SWEEP_KEY are files of a secret volume mounted read-only.
        foreach (var variable in new[] { "PGPASSFILE", "SWEEP_KEY" })
        {
            var path = Text(env[variable], "value");
            var mount = Items(Find(container, "volumeMounts")).Single(m => path.StartsWith(Text(m, "mountPath") + "/", StringComparison.Ordinal));
            Assert.Equal("true", Text(mount, "readOnly"));
            var volume = Items(Find(podSpec, "volumes")).Single(v => Text(v, "name") == Text(mount, "name"));
            Assert.Equal(Text(secret, "metadata", "name"), Text(volume, "secret", "secretName"));
            var item = Items(Find(volume, "secret", "items")).Single(i => Text(i, "path") == Path.GetFileName(path));
            Assert.Contains(Text(item, "key"), SecretKeys(secret));
        }

        var ports = Items(Find(container, "ports")).Select(p => Text(p, "containerPort")).ToList();
        Assert.Contains("11111", ports);
        Assert.Contains("30000", ports);
        Assert.True(int.Parse(Text(container, "resources", "limits", "nvidia.com/gpu"), CultureInfo.InvariantCulture) >= 1);
        Assert.True(Find(podSpec, "nodeSelector") is not null || Find(podSpec, "tolerations") is not null, "no GPU node selection");

        var terms = Items(Find(podSpec, "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution")).ToList();
        var term = Assert.Single(terms, t => Text(t, "topologyKey") == "kubernetes.io/hostname");
        foreach (var (key, value) in Pairs(Map(term, "labelSelector", "matchLabels"))) Assert.Equal(value, Text(labels, key));

        Assert.True(int.Parse(Text(podSpec, "terminationGracePeriodSeconds"), CultureInfo.InvariantCulture) > DrainGraceSeconds);

        // The entrypoint is `sweep silo`; $(VAR) in args expands only for variables the container defines.
        var args = Strings(Find(container, "args"));
        Assert.NotNull(OptionValue(args, "--gpus"));
        Assert.Equal("$(POD_IP)", OptionValue(args, "--advertise"));
        foreach (Match reference in EnvReference().Matches(string.Join(' ', args))) Assert.Contains(reference.Groups[1].Value, env.Keys);

        // The pod runs as the account the Role is bound to.
        Assert.Equal("sweep-silo", Text(podSpec, "serviceAccountName"));
        Object(docs, "ServiceAccount", "sweep-silo");
    }

    [Fact]
    public void Silo_role_lets_orleans_watch_and_delete_pods_of_its_namespace()
    {
        var docs = KubernetesDocuments();
        var binding = Object(docs, "RoleBinding", "sweep-silo");
        var subject = Assert.Single(Items(Find(binding, "subjects")));
        Assert.Equal("ServiceAccount", Text(subject, "kind"));
        Assert.Equal("sweep-silo", Text(subject, "name"));
        Assert.Equal("Role", Text(binding, "roleRef", "kind"));
        var role = Object(docs, "Role", Text(binding, "roleRef", "name"));
        var podRule = Assert.Single(Items(Find(role, "rules")), r => Strings(Find(r, "resources")).Contains("pods"));
        Assert.Equal(new[] { "" }, Strings(Find(podRule, "apiGroups")));
        var verbs = Strings(Find(podRule, "verbs"));
        foreach (var verb in new[] { "get", "list", "watch", "delete" }) Assert.Contains(verb, verbs);
        // All in the silos' namespace.
        var ns = Text(Object(docs, "Deployment", "sweep-silo"), "metadata", "namespace");
        foreach (var doc in new[] { binding, role, Object(docs, "ServiceAccount", "sweep-silo") }) Assert.Equal(ns, Text(doc, "metadata", "namespace"));
    }

    [Fact]
    public void Dockerfile_builds_in_the_sdk_and_runs_sweep_silo_in_the_runtime_image()
    {
        var instructions = DockerInstructions();
        var froms = instructions.Where(i => i.Verb == "FROM").Select(i => i.Args).ToList();
        Assert.Equal(2, froms.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build", froms[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim", froms[1]);    // Kestrel for the web pages

        // TORCH_BACKEND: declared before the first FROM with default cpu, taken into the build stage, passed on.
        var firstFrom = instructions.FindIndex(i => i.Verb == "FROM");
        var secondFrom = instructions.FindLastIndex(i => i.Verb == "FROM");
        Assert.Contains(instructions.Take(firstFrom), i => i.Verb == "ARG" && i.Args == "TORCH_BACKEND=cpu");
        Assert.Contains(instructions.GetRange(firstFrom, secondFrom - firstFrom), i => i.Verb == "ARG" && i.Args == "TORCH_BACKEND");
        var publish = Assert.Single(instructions, i => i.Verb == "RUN" && i.Args.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("Orchestrator/Orchestrator.csproj", publish.Args);
        Assert.Contains("-r linux-x64", publish.Args);
        Assert.Contains("-p:SweepTorchBackend=\"$TORCH_BACKEND\"", publish.Args);
        Assert.Contains("-o /opt/sweep", publish.Args);

        var runtime = instructions.GetRange(secondFrom, instructions.Count - secondFrom);
        Assert.Contains(runtime, i => i.Verb == "COPY" && i.Args.StartsWith("--from=build /opt/sweep", StringComparison.Ordinal));
        var apt = Assert.Single(runtime, i => i.Verb == "RUN" && i.Args.Contains("apt-get install", StringComparison.Ordinal));
        foreach (var package in new[] { "libtcmalloc-minimal4", "libstdc++6", "ca-certificates", "python3" }) Assert.Contains(package, apt.Args);
        var user = Assert.Single(runtime, i => i.Verb == "USER").Args;
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);

        var exposed = runtime.Where(i => i.Verb == "EXPOSE").SelectMany(i => i.Args.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains("11111", exposed);
        Assert.Contains("30000", exposed);

        // The executable the publish folder holds is the Orchestrator's assembly name.
        var assemblyName = XDocument.Load(Path.Combine(Root, "Orchestrator", "Orchestrator.csproj")).Descendants("AssemblyName").Single().Value;
        Assert.Equal(new[] { $"/opt/sweep/{assemblyName}", "silo" }, DockerfileEntrypoint());
    }

    [Fact]
    public void Dockerignore_at_the_root_keeps_outputs_and_secrets_out_of_the_build()
    {
        var patterns = File.ReadAllLines(Path.Combine(Root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var needed in new[] { "**/bin/", "**/obj/", ".sweep/", "deploy/docker/secrets/", "**/*.pfx" }) Assert.Contains(needed, patterns);
        // Nothing the publish reads is left out.
        foreach (var source in new[] { "Orchestrator", "Grains", "Trainer", "Contracts", "SearchSpaces", "build", "Directory.Build.props", "Directory.Packages.props", "global.json" })
            Assert.DoesNotContain(patterns, p => p.TrimEnd('/') == source || p == "*");
    }

    [Fact]
    public void Systemd_unit_drains_on_sigterm_before_systemd_kills()
    {
        var unit = ParseIni(DeployFile("systemd", "sweep-silo@.service"));
        Assert.Equal(new[] { "Install", "Service", "Unit" }, unit.Keys.Order());
        Assert.Contains("network-online.target", Single(unit, "Unit", "After"));
        Assert.Contains("network-online.target", Single(unit, "Unit", "Wants"));

        var execStart = Single(unit, "Service", "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("/opt/sweep/sweep", execStart[0]);
        Assert.Equal("silo", execStart[1]);
        Assert.Equal("%i", OptionValue(execStart, "--node"));
        Assert.Contains("$SWEEP_SILO_ARGS", execStart);
        Assert.Equal("/etc/sweep/%i.env", Single(unit, "Service", "EnvironmentFile"));
        Assert.Equal("sweep", Single(unit, "Service", "User"));
        Assert.Equal("SIGTERM", Single(unit, "Service", "KillSignal"));
        Assert.Equal("mixed", Single(unit, "Service", "KillMode"));
        Assert.Equal("on-failure", Single(unit, "Service", "Restart"));
        Assert.True(Seconds(Single(unit, "Service", "TimeoutStopSec")) > DrainGraceSeconds, "systemd must wait out the drain");
        Assert.Equal("multi-user.target", Single(unit, "Install", "WantedBy"));

        // The example settings file sets what the unit and the silo read.
        var example = File.ReadAllLines(DeployFile("systemd", "sweep-silo.env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var key in new[] { "SWEEP_CLUSTER", "SWEEP_CLUSTER_ID", "PGPASSFILE", "SWEEP_KEY", "SWEEP_SILO_ARGS" }) Assert.Contains(key, example.Keys);
        Assert.StartsWith("postgres://", example["SWEEP_CLUSTER"]);
    }

    [Fact]
    public void Slurm_script_is_valid_bash_and_starts_one_silo_per_node_that_drains_on_the_end_signal()
    {
        var path = DeployFile("slurm", "sweep-silos.sbatch");
        var info = new ProcessStartInfo("/bin/bash", ["-n", path]) { RedirectStandardError = true };
        using (var bash = Process.Start(info)!)
        {
            var stderr = bash.StandardError.ReadToEnd();
            bash.WaitForExit();
            Assert.True(bash.ExitCode == 0, $"bash -n: {stderr}");
        }

        var lines = File.ReadAllLines(path);
        Assert.StartsWith("#!", lines[0]);
        // sbatch reads #SBATCH lines only up to the first command.
        var firstCommand = Array.FindIndex(lines, 1, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        var directives = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("#SBATCH", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(directives);
        Assert.All(directives, d => Assert.True(d.i < firstCommand, $"line {d.i + 1} comes after the first command: {d.l}"));
        var options = directives.Select(d => d.l["#SBATCH".Length..].Trim()).ToList();
        Assert.Contains(options, o => o.StartsWith("--nodes=", StringComparison.Ordinal));
        Assert.Contains("--ntasks-per-node=1", options);
        Assert.Contains(options, o => o.StartsWith("--gres=gpu:", StringComparison.Ordinal));
        Assert.Contains(options, o => o.StartsWith("--time=", StringComparison.Ordinal));
        var signal = Assert.Single(options, o => o.StartsWith("--signal=", StringComparison.Ordinal));
        var warning = SignalWarning().Match(signal);
        Assert.True(warning.Success, signal);
        Assert.True(int.Parse(warning.Groups[1].Value, CultureInfo.InvariantCulture) > DrainGraceSeconds, "the silos need the drain grace before the end");

        var text = File.ReadAllText(path);
        var srun = Assert.Single(lines, l => l.TrimStart().StartsWith("srun ", StringComparison.Ordinal));
        Assert.Contains("--ntasks-per-node=1", srun);
        var silo = Assert.Single(lines, l => l.Contains("sweep silo", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'));
        foreach (var option in new[] { "--cluster \"$SWEEP_CLUSTER\"", "--advertise \"$(hostname -f)\"", "--gpus \"$CUDA_VISIBLE_DEVICES\"" }) Assert.Contains(option, text);
        Assert.Contains("exec sweep silo", silo);
        Assert.Matches(@"(?m)^trap \w+ TERM", text);
        Assert.Contains("scancel --signal=TERM", text);
    }

    private static List<YamlMappingNode> LoadYaml(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var stream = new YamlStream();
        // Merge keys (<<: *anchor) resolved as docker compose does.
        stream.Load(new MergingParser(new Parser(reader)));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    private static List<YamlMappingNode> KubernetesDocuments() =>
        [.. Directory.EnumerateFiles(DeployFile("kubernetes"), "*.yaml").Order().SelectMany(LoadYaml)];

    private static YamlMappingNode Object(List<YamlMappingNode> docs, string kind, string name)
    {
        var found = docs.Where(d => Text(d, "kind") == kind && Text(d, "metadata", "name") == name).ToList();
        Assert.True(found.Count == 1, $"{found.Count} {kind} named {name} in deploy/kubernetes");
        return found[0];
    }

    private static IEnumerable<string> SecretKeys(YamlMappingNode secret) =>
        new[] { "data", "stringData" }.SelectMany(section => Find(secret, section) is YamlMappingNode m ? Pairs(m).Select(p => p.Key) : []);

    private static YamlNode? Find(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node)) return null;
        }
        return node;
    }

    private static YamlMappingNode Map(YamlNode node, params string[] path) =>
        Find(node, path) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"no mapping at {string.Join('.', path)}");

    private static string Text(YamlNode node, params string[] path) =>
        (Find(node, path) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"no value at {string.Join('.', path)}");

    private static List<YamlNode> Items(YamlNode? node) =>
        node is YamlSequenceNode seq ? [.. seq.Children] : throw new Xunit.Sdk.XunitException("not a list");

    private static List<string> Strings(YamlNode? node) => [.. Items(node).Select(n => ((YamlScalarNode)n).Value ?? "")];

    private static IEnumerable<(string Key, string Value)> Pairs(YamlMappingNode map) =>
        map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, (kv.Value as YamlScalarNode)?.Value ?? ""));

    /// <summary>The argument after <paramref name="option"/>, or null where it is absent.</summary>
    private static string? OptionValue(IReadOnlyList<string> argv, string option)
    {
        for (var i = 0; i < argv.Count - 1; i++)
            if (argv[i] == option) return argv[i + 1];
        return null;
    }

    /// <summary>systemd and compose durations: 120, 120s, 2min, 2m.</summary>
    private static int Seconds(string value)
    {
        var m = Duration().Match(value.Trim());
        Assert.True(m.Success, $"not a duration: {value}");
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value is "m" or "min" ? n * 60 : n;
    }

    private static List<(string Verb, string Args)> DockerInstructions()
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in File.ReadLines(DeployFile("docker", "Dockerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0)) continue;
            // A backslash at the end continues the instruction on the next line.
            var continued = line.EndsWith('\\');
            current += " " + (continued ? line[..^1] : line);
            if (continued) continue;
            var text = current.Trim();
            current = "";
            if (text.Length == 0) continue;
            var space = text.IndexOf(' ');
            instructions.Add((text[..space].ToUpperInvariant(), WhiteSpace().Replace(text[(space + 1)..], " ").Trim()));
        }
        Assert.Equal("", current.Trim());
        return instructions;
    }

    private static List<string> DockerfileEntrypoint()
    {
        var entrypoint = Assert.Single(DockerInstructions(), i => i.Verb == "ENTRYPOINT").Args;
        // Exec form only: a shell form would put /bin/sh in front and SIGTERM would not reach sweep.
        return JsonSerializer.Deserialize<List<string>>(entrypoint) ?? throw new Xunit.Sdk.XunitException("ENTRYPOINT is not a JSON array");
    }

    private static Dictionary<string, List<(string Key, string Value)>> ParseIni(string path)
    {
        var sections = new Dictionary<string, List<(string, string)>>();
        List<(string, string)>? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = [];
                Assert.True(sections.TryAdd(line[1..^1], current), $"section {line} twice");
                continue;
            }
            Assert.True(current is not null, $"{line}: outside any section");
            var eq = line.IndexOf('=');
            Assert.True(eq > 0, $"not key=value: {line}");
            current.Add((line[..eq].Trim(), line[(eq + 1)..].Trim()));
        }
        return sections;
    }

    private static string Single(Dictionary<string, List<(string Key, string Value)>> ini, string section, string key)
    {
        Assert.True(ini.TryGetValue(section, out var entries), $"no [{section}]");
        return Assert.Single(entries, e => e.Key == key).Value;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sweep.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Sweep.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"postgres(?:ql)?://[^/@\s:]+:[^@\s/]+@")]
    private static partial Regex PasswordInUrl();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex EnvReference();

    [GeneratedRegex(@"^--signal=(?:B:)?TERM@(\d+)$")]
    private static partial Regex SignalWarning();

    [GeneratedRegex(@"^(\d+)\s*(s|sec|m|min)?$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
