using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ccs.Models;

namespace Ccs.Testing;

/// <summary>
/// Generates realistic starting data from a seed: the same seed and start time give the same data.
/// Every draw comes from one <see cref="Random"/> seeded with <see cref="CcsEmulatorOptions.Seed"/>, in a
/// fixed order, so adding a draw changes later values but never makes them depend on anything else.
/// </summary>
internal static class EmulatorSeeder
{
    private static readonly ImmutableArray<EmulatedProduct> Catalog =
    [
        Product("ccs-inbound-voice", "Inbound Voice", "Inbound call routing with ACD queues and IVR."),
        Product("ccs-outbound-voice", "Outbound Voice", "Agent-initiated and campaign outbound calling."),
        Product("ccs-web-chat", "Web Chat", "Website chat routed to agents like calls."),
        Product("ccs-sms", "Text Messaging", "Two-way SMS/MMS conversations with customers."),
        Product("ccs-call-recording", "Call Recording", "Recording of calls, with suppression on demand."),
        Product("ccs-supervisor", "Supervisor Tools", "Live monitoring, whisper and barge for supervisors."),
        Product("ccs-analytics", "Reporting & Analytics", "Historical and real-time queue and agent reports."),
        Product("ccs-wfm", "Workforce Management", "Forecasting and scheduling of agents."),
    ];

    private static readonly ImmutableArray<EmulatedRole> SystemRoles =
    [
        Role("role-api", RoleName.Api, "Use the CCS REST API."),
        Role("role-agent-control", RoleName.AgentControl, "Change the presence state of agents."),
        Role("role-call-control", RoleName.CallControl, "Kill, transfer, redirect and suppress calls."),
        Role("role-agent-events", RoleName.AgentEvents, "Receive agent state events."),
        Role("role-call-events", RoleName.CallEvents, "Receive call state events."),
        Role("role-inbound-queue-events", RoleName.InboundQueueEvents, "Receive inbound queue events."),
    ];

    private static readonly ImmutableArray<(string Id, string Name, bool Available, int Weight)> Presence =
    [
        ("available", "Available", true, 8),
        ("busy", "Busy", false, 4),
        ("on-break", "On Break", false, 2),
        ("lunch", "Lunch", false, 1),
        ("in-meeting", "In Meeting", false, 1),
        ("after-call-work", "After Call Work", false, 2),
    ];

    private static readonly ImmutableArray<string> Companies =
    [
        "Northwind Traders", "Contoso Health", "Fabrikam Insurance", "Tailspin Travel", "Adventure Works",
        "Litware Energy", "Proseware Bank", "Wingtip Telecom", "Woodgrove Credit Union", "Alpine Ski House",
    ];

    private static readonly ImmutableArray<string> Queues =
    [
        "Sales", "Support", "Billing", "Technical Support", "Reservations", "Claims", "Customer Care", "Renewals",
    ];

    private static readonly ImmutableArray<string> FirstNames =
    [
        "Ava", "Liam", "Maya", "Noah", "Zoe", "Ethan", "Priya", "Mateo", "Chloe", "Omar", "Grace", "Lucas",
        "Hana", "Diego", "Nora", "Samuel", "Aisha", "Leo", "Ivy", "Felix",
    ];

    private static readonly ImmutableArray<string> LastNames =
    [
        "Johnson", "Garcia", "Chen", "Patel", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kim", "Silva", "Murphy",
        "Haddad", "Kowalski", "Tanaka", "Dubois", "Larsen",
    ];

    private static readonly ImmutableArray<string> AreaCodes = ["212", "303", "404", "501", "615", "704", "918", "972"];

    private static readonly ImmutableArray<CallState> FirstCallStates =
        [CallState.Alerting, CallState.Queued, CallState.Connected, CallState.Held, CallState.Completed];

    public static SeedData Create(CcsEmulatorOptions options, DateTimeOffset now)
    {
        var random = new Random(options.Seed);
        var anchor = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var tenants = new List<EmulatedTenant>();
        var acds = new List<EmulatedAcd>();
        var presenceOptions = new List<EmulatedPresenceOption>();
        var extensions = new List<EmulatedExtension>();
        var agentStates = new List<EmulatedAgentState>();
        var textCounts = new List<EmulatedTextCount>();
        var calls = new List<EmulatedCall>();
        var companies = Shuffle(random, Companies);

        for (var t = 0; t < options.TenantCount; t++)
        {
            var tenantId = NewGuid(random);
            tenants.Add(CreateTenant(random, tenantId, t, companies));

            var tenantAcds = Shuffle(random, Queues).Take(random.Next(2, 4)).Select(name => new EmulatedAcd
            {
                Id = "acd-" + Hex(random, 8),
                TenantId = tenantId,
                Name = name,
                PhoneNumber = PhoneNumber(random),
                MaxQueueLength = random.Next(2, 11) * 5,
            }).ToList();
            acds.AddRange(tenantAcds);

            presenceOptions.AddRange(Presence.Select(p => new EmulatedPresenceOption { Id = p.Id, TenantId = tenantId, Name = p.Name, AvailableForCalls = p.Available }));

            var tenantRoles = tenants[t].RoleIds;
            var tenantExtensions = Enumerable.Range(0, options.ExtensionsPerTenant)
                .Select(e => CreateExtension(random, tenantId, e, tenantAcds, tenantRoles))
                .ToList();
            extensions.AddRange(tenantExtensions);
            agentStates.AddRange(tenantExtensions.Select(extension => CreateAgentState(random, extension.Id, anchor)));

            textCounts.Add(new EmulatedTextCount
            {
                TenantId = tenantId,
                SmsCount = random.Next(0, 5000),
                MmsCount = random.Next(0, 800),
                PeriodStart = new DateTimeOffset(anchor.Year, anchor.Month, 1, 0, 0, 0, TimeSpan.Zero),
            });

            for (var c = 0; c < options.CallsPerTenant; c++)
            {
                var state = c < FirstCallStates.Length ? FirstCallStates[c] : FirstCallStates[random.Next(FirstCallStates.Length)];
                calls.Add(CreateCall(random, tenantId, state, tenantAcds, tenantExtensions, anchor));
            }
        }

        return new SeedData(Catalog, SystemRoles, tenants, acds, presenceOptions, extensions, agentStates, textCounts, calls, extensions[0].Id);
    }

    private static EmulatedTenant CreateTenant(Random random, Guid tenantId, int index, List<string> companies)
    {
        // The first tenant, the current agent's, is always active.
        var statusDraw = random.Next(10);
        var status = index == 0 || statusDraw < 6 ? TenantStatus.Active : statusDraw < 8 ? TenantStatus.Inactive : TenantStatus.Suspended;
        var maxAgents = random.Next(2, 41) * 5;
        var name = companies[index % companies.Count] + (index >= companies.Count ? $" {(index / companies.Count) + 1}" : string.Empty);
        var products = Catalog.Where((_, i) => i == 0 || random.Next(2) == 0).Select(p => p.Id).ToList();
        var roles = SystemRoles.Where((_, i) => i < 2 || index == 0 || random.Next(3) > 0).Select(r => r.Id).ToList();
        return new EmulatedTenant
        {
            Id = tenantId,
            Name = name,
            Status = status,
            MaxAgents = maxAgents,
            MaxCalls = maxAgents * random.Next(2, 5),
            SmsLimit = random.Next(1, 21) * 500,
            ProductIds = products.AsReadOnly(),
            RoleIds = roles.AsReadOnly(),
        };
    }

    private static EmulatedExtension CreateExtension(Random random, Guid tenantId, int index, List<EmulatedAcd> acds, IReadOnlyList<string> roleIds)
    {
        // Every queue gets agents: extension i serves queue i (mod count), and maybe one more.
        var served = new List<string> { acds[index % acds.Count].Id };
        var extra = acds[random.Next(acds.Count)].Id;
        if (!served.Contains(extra))
        {
            served.Add(extra);
        }

        var roleId = roleIds[random.Next(roleIds.Count)];
        var role = SystemRoles.First(r => r.Id == roleId).Name.ToString();
        return new EmulatedExtension
        {
            Id = NewGuid(random),
            TenantId = tenantId,
            Number = (1001 + index).ToString(CultureInfo.InvariantCulture),
            Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
            Role = role,
            AcdIds = served.AsReadOnly(),
        };
    }

    private static EmulatedAgentState CreateAgentState(Random random, Guid extensionId, DateTimeOffset anchor)
    {
        var draw = random.Next(Presence.Sum(p => p.Weight));
        var option = Presence.First(p => (draw -= p.Weight) < 0);
        return new EmulatedAgentState
        {
            ExtensionId = extensionId,
            State = option.Name,
            AvailableForCalls = option.Available,
            Reason = option.Name == "Lunch" ? "Lunch" : null,
            UpdatedAt = anchor.AddSeconds(-random.Next(60, 4 * 3600)),
        };
    }

    private static EmulatedCall CreateCall(Random random, Guid tenantId, CallState state, List<EmulatedAcd> acds, List<EmulatedExtension> extensions, DateTimeOffset anchor)
    {
        var acd = acds[random.Next(acds.Count)];
        var agents = extensions.Where(e => e.AcdIds.Contains(acd.Id)).ToList();
        var agent = agents.Count > 0 ? agents[random.Next(agents.Count)] : extensions[random.Next(extensions.Count)];
        var completed = state == CallState.Completed;
        var startedAt = completed ? anchor.AddSeconds(-random.Next(1800, 24 * 3600)) : anchor.AddSeconds(-random.Next(5, 1800));
        return new EmulatedCall
        {
            Id = "call-" + Hex(random, 16),
            TenantId = tenantId,
            CallingNumber = PhoneNumber(random),
            CalledNumber = acd.PhoneNumber,
            State = state,
            StartedAt = startedAt,
            EndedAt = completed ? startedAt.AddSeconds(random.Next(20, 1500)) : null,
            AcdId = acd.Id,
            ExtensionId = state == CallState.Queued ? null : agent.Id,
        };
    }

    private static List<T> Shuffle<T>(Random random, ImmutableArray<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    internal static string Hex(Random random, int length)
    {
        var bytes = new byte[length / 2];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    internal static string PhoneNumber(Random random)
        => $"+1{AreaCodes[random.Next(AreaCodes.Length)]}{random.Next(200, 1000)}{random.Next(0, 10000):D4}";

    private static EmulatedProduct Product(string id, string name, string description) => new() { Id = id, Name = name, Description = description };

    private static EmulatedRole Role(string id, RoleName name, string description) => new() { Id = id, Name = name, Description = description };
}
