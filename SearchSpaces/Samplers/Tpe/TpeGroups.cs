namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Optuna's <c>_GroupDecomposedSearchSpace</c>: parameters split into groups that always appear together in
/// finished trials, refined trial by trial in number of arrival (each new parameter set splits every group
/// into the part it contains and the rest; new names form a group of their own).
/// </summary>
internal sealed class TpeGroups(TpeDimension[] dims)
{
    private List<List<TpeDimension>> _groups = [];

    public IReadOnlyList<IReadOnlyList<TpeDimension>> Groups => _groups;

    public void Add(TrialRecord trial) => AddPresent(d => trial.Params.ContainsKey(dims[d].Name));

    public void AddPresent(Func<int, bool> present)
    {
        var remaining = dims.Where(d => present(d.SpaceIndex)).ToList();
        var next = new List<List<TpeDimension>>();
        foreach (var g in _groups)
        {
            next.Add([.. g.Where(remaining.Contains)]);
            next.Add([.. g.Where(d => !remaining.Contains(d))]);
            remaining.RemoveAll(g.Contains);
        }
        next.Add(remaining);
        _groups = [.. next.Where(g => g.Count > 0)];
    }
}
