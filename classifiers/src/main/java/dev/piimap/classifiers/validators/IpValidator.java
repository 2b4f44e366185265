package dev.piimap.classifiers.validators;

/**
 * {@code ip}: an IPv4 address (four octets 0-255, no leading zeros) or an IPv6 address by a strict
 * RFC 4291 parse (see {@link IpAddresses}). The IPv6 unspecified address {@code ::} is rejected: it
 * names no device.
 */
public final class IpValidator implements Validator {
    @Override
    public String name() {
        return "ip";
    }

    @Override
    public boolean isValid(CharSequence candidate) {
        if (IpAddresses.parseIpv4(candidate) != null) {
            return true;
        }
        int[] v6 = IpAddresses.parseIpv6(candidate);
        if (v6 == null) {
            return false;
        }
        for (int group : v6) {
            if (group != 0) {
                return true;
            }
        }
        return false;
    }
}
