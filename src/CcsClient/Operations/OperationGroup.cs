using System;

namespace Ccs;

/// <summary>Base of the operation groups (<see cref="CcsClient.Tenants"/>, <see cref="CcsClient.Calls"/>, …).</summary>
public abstract class OperationGroup
{
    private readonly CcsClientContext? _context;

    /// <summary>For mocking frameworks: an instance made this way has no connection and must have its methods overridden.</summary>
    protected OperationGroup()
    {
    }

    internal OperationGroup(CcsClientContext context) => _context = context;

    internal CcsClientContext Context
        => _context ?? throw new InvalidOperationException($"This {GetType().Name} was created for mocking and has no connection; override the method you call.");
}
