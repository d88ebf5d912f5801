"""The one address policy: where catalyst may connect when a URL was not written by the user but
named by a document or a provider (a feed item's page and its redirects, a document added by its
URL, a results release's page), and where a channel may post (a URL the user wrote, for a
service the user runs: `[notify.channels.NAME]`).

- **A named URL** (`Named`): http(s) only, and its host neither a loopback, private, link-local,
  shared, reserved, multicast or unspecified address, nor a cloud's metadata service
  (169.254.169.254, metadata.google.internal), unless the user's `allow_hosts` ([settings])
  names it. A channel's URL: no link-local or metadata address, unless its own `allow_hosts`
  names it (a self-hosted service on the LAN or this machine is a channel's usual place).
- **Every spelling of an address** is the address: `[::ffff:169.254.169.254]` (IPv4 mapped into
  IPv6, and 6to4, Teredo and NAT64's), the integer `2852039166`, `0xa9fea9fe`,
  `0251.0376.0251.0376`, `169.254.43518`, a trailing dot. These and the metadata services'
  names are refused before any look-up (`refused_host`): no name of them is ever resolved.
- **After the look-up**: a name is resolved by catalyst and each address it gives is judged the
  same way; the connection is made to the address judged (market/http/guarded.py), so a name
  that answers otherwise a second time (DNS rebinding) reaches nothing it was not allowed to. A
  channel's sender judges each connection its child makes (notify/send_child.py). Redirects are
  judged hop by hop (market/http/client.py).

`allow_hosts` names a host as written in URLs or an address: an address allowed is allowed in
every spelling, and a name allowed is allowed with whatever it resolves to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterable
    from ipaddress import IPv4Address, IPv6Address

__all__ = [
    "METADATA_HOSTS",
    "Named",
    "address_refused",
    "allowed",
    "host_of",
    "literal_address",
    "refused_host",
    "refused_url",
]

#: The clouds' metadata services, by name and by address: never reached unless allowed, by a
#: channel or a named URL (AWS, GCP, Azure, Oracle 169.254.169.254; AWS's IPv6 fd00:ec2::254;
#: Alibaba 100.100.100.200; GCP's and AWS's names for them).
METADATA_HOSTS = frozenset(
    {
        *("metadata.google.internal", "metadata.goog", "metadata"),
        *("instance-data", "instance-data.ec2.internal"),
        *("169.254.169.254", "fd00:ec2::254", "100.100.100.200"),
    }
)
_SPELLED = frozenset("0123456789abcdefx.")  # what an IPv4 address spelled as a number holds


class Named(NamedTuple):
    """A URL a document or a provider named, not the user: fetched only under the policy, with
    the hosts the user allows (`[settings] allow_hosts`)."""

    allowed: tuple[str, ...] = ()


def _host(url: str) -> tuple[str, str]:
    """(scheme, host) of `url`, lower-cased, the host without brackets or a trailing dot."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "", ""
    return parts.scheme.lower(), host.strip("[]").rstrip(".").lower()


def host_of(url: str) -> str:
    """The host of `url` as `allow_hosts` names it: lower-cased, without brackets ("" for no
    URL)."""
    return _host(url)[1]


def literal_address(host: str) -> IPv4Address | IPv6Address | None:
    """The address `host` spells, in any spelling (an IPv6 address with or without brackets and
    zone, an IPv4 address as dotted quads, as one number in decimal, octal or hex, or as the
    shorthand forms inet_aton reads); None for a name."""
    import ipaddress
    import socket

    bare = host.strip("[]").rstrip(".").lower()
    try:
        return ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        pass
    if not bare or not set(bare) <= _SPELLED or not bare[0].isdigit():
        return None
    try:  # what the resolver reads as an address: 2852039166, 0xa9fea9fe, 169.254.43518
        return ipaddress.IPv4Address(socket.inet_aton(bare))
    except (OSError, ValueError):
        return None


def _embedded(address: IPv4Address | IPv6Address) -> IPv4Address | IPv6Address:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo's client, NAT64's well-known
    prefix), else the address itself."""
    import ipaddress

    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def address_refused(address: IPv4Address | IPv6Address, *, named: bool) -> str | None:
    """What `address` is, in words ("a link-local address"), when a named URL (`named`) or a
    channel may not reach it; None when it may."""
    inner = _embedded(address)
    if str(inner) in METADATA_HOSTS or str(address) in METADATA_HOSTS:
        return "a cloud metadata address"
    if inner.is_link_local or address.is_link_local:
        return "a link-local address"
    if not named:
        return None
    if inner.is_loopback or address.is_loopback:
        return "a loopback address"
    if inner.is_unspecified or address.is_unspecified:
        return "an unspecified address"
    if inner.is_multicast or address.is_multicast:
        return "a multicast address"
    if not inner.is_global or not address.is_global:
        return "a private address"
    return None


def _allowed_set(allow: Iterable[str]) -> set[str]:
    """`allow_hosts` as hosts and addresses compare: lower-cased, no brackets or trailing dot,
    and each address in its one spelling."""
    out = set()
    for entry in allow:
        host = entry.strip().strip("[]").rstrip(".").lower()
        address = literal_address(host)
        out.add(str(address) if address is not None else host)
    return out


def allowed(host: str, allow: Iterable[str]) -> bool:
    """Whether `allow` (the user's `allow_hosts`) names `host`, or the address it spells."""
    kept = _allowed_set(allow)
    if not kept:
        return False
    bare = host.strip("[]").rstrip(".").lower()
    address = literal_address(bare)
    return (str(address) if address is not None else bare) in kept


def refused_host(host: str, allow: Iterable[str] = (), *, named: bool = True) -> str | None:
    """Why `host` may not be reached, judged before any look-up (a metadata service's name, an
    address in any spelling), in words: "169.254.169.254 is a cloud metadata address"; None
    when it may be, or when only its look-up can tell ("localhost" resolves to a loopback
    address, judged when it connects)."""
    bare = host.strip("[]").rstrip(".").lower()
    if not bare or allowed(bare, allow):
        return None
    if bare in METADATA_HOSTS:
        return f"{bare} is a cloud metadata address"
    address = literal_address(bare)
    if address is None:
        return None
    kind = address_refused(address, named=named)
    if kind is None:
        return None
    spelled = "" if str(address) == bare else f" ({address})"
    return f"{bare}{spelled} is {kind}"


def refused_url(url: str, allow: Iterable[str] = ()) -> str | None:
    """Why a URL a document named may not be fetched (not http(s), no host, a host refused
    before its look-up: `refused_host`), in words; None when it may be, as far as its spelling
    tells (its look-up is judged when it connects)."""
    scheme, host = _host(url)
    if scheme not in ("http", "https"):
        return f"{scheme or 'no'} scheme: only http(s) is fetched"
    if not host:
        return "it names no host"
    return refused_host(host, allow)
