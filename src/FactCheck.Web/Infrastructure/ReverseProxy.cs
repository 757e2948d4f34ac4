using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FactCheck.Web.Infrastructure;

/// Running behind nginx or a load balancer. FactCheck:ReverseProxy:KnownProxies (addresses) and :KnownNetworks (CIDR
/// ranges) name the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: then the rate limits and sign-in
/// throttle see the reader's address, and the app knows a request came over HTTPS. Headers from anyone else are
/// ignored, and X-Forwarded-Host never is believed: absolute links come from FactCheck:PublicUrl.
public static class ReverseProxy
{
    public const string ProxiesKey = "FactCheck:ReverseProxy:KnownProxies";
    public const string NetworksKey = "FactCheck:ReverseProxy:KnownNetworks";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured hops, however many: each one trusted hands on to the address before it.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = null;
            foreach (var proxy in Values(configuration, ProxiesKey))
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
            }

            foreach (var network in Values(configuration, NetworksKey))
            {
                if (System.Net.IPNetwork.TryParse(network, out var range))
                {
                    options.KnownIPNetworks.Add(range);
                }
            }
        });
        return services;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        Values(configuration, ProxiesKey).Any() || Values(configuration, NetworksKey).Any();

    /// What stops the start: an entry that is not an address or a range, named with its key.
    public static IEnumerable<string> Problems(IConfiguration configuration) =>
        Values(configuration, ProxiesKey).Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ProxiesKey} has '{p}', which is not an IP address.")
            .Concat(Values(configuration, NetworksKey).Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"{NetworksKey} has '{n}', which is not a network in CIDR form (e.g. 10.0.0.0/8 or fd00::/8)."));

    /// A list in configuration: array entries (KnownProxies:0, KnownProxies:1 or FactCheck__ReverseProxy__KnownProxies__0)
    /// or one value separated by commas or spaces.
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct();
    }
}
