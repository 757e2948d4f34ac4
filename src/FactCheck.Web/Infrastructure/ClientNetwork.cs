using System.Net;

namespace FactCheck.Web.Infrastructure;

/// The part of a client address that identifies one client: an IPv4 address, or an IPv6 /64 (one household or phone
/// gets a whole /64, so a full IPv6 address would let one client look like many). Every rate limit, the sign-in
/// throttle and the tip sender hash count clients by it.
public static class ClientNetwork
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
