"""The CalDAV server, through the ``caldav`` library: the few requests a sync needs, each
failure turned into one clear, translatable message.

Hrefs are kept as decoded paths (``/alice/business/e1@x.ics``): servers spell the same
path differently (``%40`` or ``@``), and a path compares reliably only decoded.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urljoin, urlsplit
from xml.sax.saxutils import escape

from caldav.collection import Calendar
from caldav.davclient import DAVClient
from caldav.elements import cdav, dav
from caldav.lib import error as dav_error
from caldav.lib.url import URL

from planner.i18n import Message, msg
from planner.sync.errors import RefusedError, SyncError, UnreachableError

# The "sync token" of a collection on a server without sync-collection: list by PROPFIND.
NO_SYNC_COLLECTION = ""
# Calendar-multiget asks for this many resources at a time.
FETCH_BATCH = 200
TIMEOUT_S = 30

T = TypeVar("T")

# The library logs each failed request as an error of its own; ours says it once, clearly.
logging.getLogger("caldav").setLevel(logging.CRITICAL)


class PreconditionFailed(Exception):  # noqa: N818 (an HTTP status, not a programming error)
    """A conditional write found the resource changed (or there) since it was listed."""


def path_of(href: str) -> str:
    """The decoded path of ``href`` (a full URL or a path)."""
    return unquote(urlsplit(href).path)


@dataclass(slots=True)
class Listing:
    """What a collection holds, or what changed in it since a sync token.

    ``complete`` listings hold every resource (href -> ETag); otherwise ``changed`` holds
    those changed since the token and ``deleted`` those gone. ``token`` is the new sync
    token: :data:`NO_SYNC_COLLECTION` for a server without RFC 6578, ``None`` when there is
    none for another reason.
    """

    complete: bool
    changed: dict[str, str | None] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    token: str | None = None


@dataclass(slots=True)
class CollectionInfo:
    """A collection in the calendar home."""

    href: str
    is_calendar: bool
    name: str = ""


class Server:
    """A calendar home on a CalDAV server. Nothing is sent until a method asks."""

    def __init__(
        self, url: str, user: str | None, password: str | None, *, verify: bool = True,
        timeout: float = TIMEOUT_S, auth_scheme: str | None = None,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SyncError(msg("'{url}' is not an http:// or https:// address", url=url))
        self.url = url if url.endswith("/") else url + "/"
        self._verify, self._timeout = verify, timeout
        self.home = path_of(self.url)
        self.user = user
        self._password = password
        self._origin = f"{parts.scheme}://{parts.netloc}"
        if not verify:
            # Asked for in so many words: the HTTP library's warning at every request would
            # only repeat it.
            warnings.filterwarnings("ignore", message="Unverified HTTPS request")
        self.requests = 0
        self.on_request: Callable[[str], None] | None = None
        try:
            self._client = DAVClient(
                url=self.url, username=user or None, password=password,
                ssl_verify_cert=verify, timeout=int(timeout), enable_rfc6764=False,
                # Known from an earlier sync, Basic is sent at once: no 401 round trip first.
                auth_type="basic" if auth_scheme == "basic" and password is not None else None,
            )
        except (ValueError, TypeError) as exc:
            raise SyncError(msg("'{url}' is not a usable address ({reason})", url=url,
                                reason=exc)) from None
        original = self._client.request

        def counted(url: str, method: str = "GET", body: str = "",
                    headers: Mapping[str, str] | None = None, **kwargs: Any) -> Any:
            self.requests += 1
            if self.on_request is not None:
                self.on_request(method)
            return original(url, method, body, headers or {}, **kwargs)

        self._client.request = counted  # type: ignore[method-assign,assignment]

    def clone(self) -> Server:
        """Another connection to the same server, logged in the same way (for a thread of
        its own)."""
        return Server(self.url, self.user, self._password, verify=self._verify,
                      timeout=self._timeout, auth_scheme=self.auth_scheme)

    def close(self) -> None:
        """Let go of the connection."""
        self._client.close()

    def href(self, *segments: str) -> str:
        """The decoded path of ``segments`` under the calendar home."""
        return self.home + "/".join(segments)

    def _absolute(self, href: str) -> str:
        return self._origin + quote(href, safe="/@:+,;=!$&'()*~-._")

    # -- errors ---------------------------------------------------------------------------

    @contextmanager
    def _talking(self, what: Message) -> Iterator[None]:
        """Turn what the library and the network raise into a :class:`SyncError`."""
        try:
            yield
        except (SyncError, PreconditionFailed):
            raise
        except dav_error.AuthorizationError as exc:
            raise self._refused(exc.status or 401, what) from None
        except dav_error.DAVError as exc:
            status = exc.status or 0
            raise self._refused(status, what, exc.reason) from None
        except OSError as exc:
            raise self._unreachable(exc) from None
        except Exception as exc:  # the HTTP library's own errors have no common base here
            if _is_network_error(exc):
                raise self._unreachable(exc) from None
            raise SyncError(msg("{url}: the server's answer cannot be read ({reason})",
                                url=self.url, reason=_first_line(exc))) from None

    def _unreachable(self, exc: BaseException) -> SyncError:
        text = _first_line(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text.lower():
            return UnreachableError(msg(
                "{url}: the server's certificate is not trusted (self-signed?); accept it only "
                "if you trust this server (--insecure, or in the sync settings)", url=self.url))
        if "timed out" in text.lower() or type(exc).__name__.endswith("Timeout"):
            return UnreachableError(msg("{url}: the server does not answer (timed out)",
                                        url=self.url))
        return UnreachableError(msg("cannot reach {url} ({reason}); the changes wait for "
                                    "the next sync", url=self.url, reason=_reason(text)))

    def _refused(self, status: int, what: Message, reason: object = "") -> RefusedError:
        if status == 401:
            if not self._password:
                return RefusedError(msg(
                    "{url}: the server asks for a password for user '{user}' (give "
                    "--password-file FILE, or set PLANNER_CALDAV_PASSWORD)",
                    url=self.url, user=self.user or ""), status)
            return RefusedError(msg("{url}: the server refused the user name '{user}' or "
                                    "its password", url=self.url, user=self.user or ""),
                                status)
        if status == 403:
            return RefusedError(msg("{url}: the server does not allow {what} (403 "
                                    "Forbidden)", url=self.url, what=what), status)
        if status == 507:
            return RefusedError(msg("{url}: the server has no room left for {what} (507 "
                                    "Insufficient Storage)", url=self.url, what=what), status)
        if status == 404:
            return RefusedError(msg("{url}: not found on the server (404); is it the "
                                    "calendar home?", url=self.url), status)
        return RefusedError(msg("{url}: the server refused {what} ({status} {reason})",
                                url=self.url, what=what, status=status,
                                reason=str(reason or "").strip()), status)

    def _check(self, response: Any, what: Message, ok: Iterable[int]) -> None:
        status = int(response.status)
        if status == 412:
            raise PreconditionFailed(str(what))
        if status not in set(ok):
            raise self._refused(status, what, getattr(response, "reason", ""))

    # -- the calendar home ----------------------------------------------------------------

    def collections(self) -> dict[str, CollectionInfo]:
        """The collections in the calendar home, by name; also checks that the URL is a
        CalDAV calendar home (a clear error when it is not, or is a calendar itself)."""
        what = msg("reading the calendar home")
        with self._talking(what):
            response = self._client.propfind(
                self.url, props=_propfind("resourcetype", "displayname"), depth=1)
            status = int(response.status)
            if status != 207:
                if status in (401, 403, 404):
                    raise self._refused(status, what)
                raise SyncError(msg(
                    "{url} is not a CalDAV calendar home (the server answered {status} to "
                    "PROPFIND); give the address of the calendars of a user, such as "
                    "https://HOST/remote.php/dav/calendars/USER/ for Nextcloud",
                    url=self.url, status=status))
            found = response.expand_simple_props(
                [dav.DisplayName()], multi_value_props=[dav.ResourceType()])
        collections: dict[str, CollectionInfo] = {}
        home_types: list[str] = []
        for href, values in found.items():
            path = path_of(href)
            types = [str(t) for t in values.get(dav.ResourceType.tag) or []]
            if path.rstrip("/") == self.home.rstrip("/"):
                home_types = types
                continue
            if dav.Collection.tag not in types:
                continue
            name = path.rstrip("/").rsplit("/", 1)[-1]
            collections[name] = CollectionInfo(path if path.endswith("/") else path + "/",
                                               cdav.Calendar.tag in types,
                                               str(values.get(dav.DisplayName.tag) or ""))
        if cdav.Calendar.tag in home_types:
            raise SyncError(msg("{url} is a calendar, not a calendar home: give the address "
                                "of the folder that holds the calendars (one up)",
                                url=self.url))
        if not home_types and not found:
            raise SyncError(msg("{url} is not a CalDAV calendar home (no WebDAV answer)",
                                url=self.url))
        return collections

    def make_collection(
        self, name: str, display_name: str, colour: str | None, components: list[str]
    ) -> bool:
        """Make a calendar collection ``name`` under the home (MKCALENDAR, with its name,
        colour and the components it takes); one there already is used as it is. Returns
        whether it was made (and so is empty)."""
        href = self.href(name) + "/"
        comps = "".join(f'<C:comp name="{c}"/>' for c in components)
        body = _xml_document("C:mkcalendar", _props(display_name, colour) + (
            f"<C:supported-calendar-component-set>{comps}</C:supported-calendar-component-set>"))
        what = msg("making the calendar '{name}'", name=display_name)
        with self._talking(what):
            response = self._client.mkcalendar(self._absolute(href), body)
            # 405: there already (a sync stopped after making it).
            self._check(response, what, (200, 201, 405))
        return int(response.status) != 405

    def describe(self, href: str, display_name: str, colour: str) -> None:
        """Set a collection's display name and colour (the calendar-color most clients
        show), in one PROPPATCH."""
        body = _xml_document("D:propertyupdate", _props(display_name, colour))
        what = msg("renaming the calendar '{name}'", name=display_name)
        with self._talking(what):
            response = self._client.proppatch(self._absolute(href), body)
            self._check(response, what, (200, 207))

    @property
    def auth_scheme(self) -> str | None:
        """How the server asked to log in ("basic", "digest", "bearer"), once it has."""
        auth = self._client.auth
        if auth is None:
            return None
        name = type(auth).__name__.lower()
        return next((s for s in ("basic", "digest", "bearer") if s in name), None)

    # -- reading --------------------------------------------------------------------------

    def listing(self, href: str, token: str | None) -> Listing:
        """What changed in collection ``href`` since ``token`` (RFC 6578 sync-collection),
        or, for a server without it, an expired token or no token, what it holds."""
        if token == NO_SYNC_COLLECTION:
            return self._propfind_listing(href)
        calendar = Calendar(client=self._client, url=self._absolute(href))
        with self._talking(msg("listing a calendar")):
            try:
                result: Any = calendar.get_objects_by_sync_token(
                    token, load_objects=False, disable_fallback=True)
            except dav_error.AuthorizationError as exc:
                if dav.SupportedReport.tag in exc.preconditions:
                    return self._propfind_listing(href)  # no sync-collection here
                if dav.ValidSyncToken.tag not in exc.preconditions:
                    raise
                if token is None:
                    return self._propfind_listing(href)
                return self.listing(href, None)  # the token expired: list it all
            except dav_error.NotFoundError:
                raise
            except (dav_error.ReportError, dav_error.DAVError) as exc:
                if exc.status in (404,):
                    raise
                return self._propfind_listing(href)
        changed: dict[str, str | None] = {}
        for obj in result:
            path = path_of(str(obj.url))
            if path.rstrip("/") == path_of(href).rstrip("/"):
                continue
            changed[path] = obj.props.get(dav.GetEtag.tag)
        deleted = {path_of(str(u)) for u in result.deleted_urls}
        for path in deleted:
            changed.pop(path, None)
        token_out = result.sync_token if isinstance(result.sync_token, str) else None
        return Listing(complete=token is None, changed=changed, deleted=deleted,
                       token=token_out)

    def _propfind_listing(self, href: str) -> Listing:
        what = msg("listing a calendar")
        with self._talking(what):
            response = self._client.propfind(self._absolute(href),
                                             props=_propfind("getetag"), depth=1)
            self._check(response, what, (207,))
            found = response.expand_simple_props([dav.GetEtag()])
        own = path_of(href).rstrip("/")
        changed = {path_of(h): v.get(dav.GetEtag.tag) for h, v in found.items()
                   if path_of(h).rstrip("/") != own}
        return Listing(complete=True, changed=changed, token=NO_SYNC_COLLECTION)

    def fetch(self, href: str, hrefs: Iterable[str]) -> dict[str, tuple[str | None, bytes]]:
        """The resources ``hrefs`` of collection ``href`` (calendar-multiget, in batches):
        href -> (ETag, bytes). One gone meanwhile is left out."""
        calendar = Calendar(client=self._client, url=self._absolute(href))
        wanted = sorted(set(hrefs))
        found: dict[str, tuple[str | None, bytes]] = {}
        for start in range(0, len(wanted), FETCH_BATCH):
            batch = [URL.objectify(self._absolute(h)) for h in wanted[start:start + FETCH_BATCH]]
            with self._talking(msg("reading events")):
                objects: Any = calendar.multiget(batch)
                for obj in objects:
                    data = obj.data
                    if not data:
                        continue
                    etag = obj.props.get(dav.GetEtag.tag)
                    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
                    found[path_of(str(obj.url))] = (etag, raw)
        return found

    # -- writing --------------------------------------------------------------------------

    def put(self, href: str, body: bytes, etag: str | None, what: Message) -> str | None:
        """Store ``body`` at ``href``: over the version ``etag`` (If-Match), or as a new
        resource when ``etag`` is ``None`` (If-None-Match: *). Returns the new ETag, if the
        server gives one. Raises :class:`PreconditionFailed` when the resource changed, or
        is there already."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        if etag is None:
            headers["If-None-Match"] = "*"
        else:
            headers["If-Match"] = etag
        with self._talking(what):
            response = self._client.put(self._absolute(href), body.decode("utf-8"), headers)
            self._check(response, what, (200, 201, 204))
            new: str | None = (response.headers or {}).get("ETag")
        return new

    def delete(self, href: str, etag: str | None, what: Message) -> None:
        """Delete ``href`` if it is still the version ``etag`` (If-Match); one gone already
        counts as deleted."""
        headers = {"If-Match": etag} if etag else {}
        with self._talking(what):
            response = self._client.delete(self._absolute(href), headers)
            if int(response.status) == 404:
                return
            self._check(response, what, (200, 204))


def _propfind(*names: str) -> str:
    """A PROPFIND body asking for the DAV: properties ``names``."""
    props = "".join(f"<d:{name}/>" for name in names)
    return (f'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
            f"{props}</d:prop></d:propfind>")


_NAMESPACES = ('xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" '
               'xmlns:I="http://apple.com/ns/ical/"')


def _props(display_name: str, colour: str | None) -> str:
    props = f"<D:displayname>{escape(display_name)}</D:displayname>"
    if colour:
        props += f"<I:calendar-color>{escape(colour)}</I:calendar-color>"
    return props


def _xml_document(root: str, props: str) -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><{root} {_NAMESPACES}><D:set><D:prop>'
            f"{props}</D:prop></D:set></{root}>")


def _first_line(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _reason(text: str) -> str:
    """The telling part of a connection error ("Connection refused", "Name or service not
    known"), not the library's chain of wrappers around it."""
    for marker in ("Connection refused", "Name or service not known", "No route to host",
                   "Network is unreachable", "Temporary failure in name resolution",
                   "Connection reset", "Remote end closed connection", "nodename nor servname"):
        if marker.lower() in text.lower():
            return marker
    return text[:200]


def _is_network_error(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"ConnectionError", "Timeout", "SSLError", "ProtocolError",
                         "MaxRetryError", "NewConnectionError", "ChunkedEncodingError",
                         "RemoteDisconnected", "ReadTimeout", "ConnectTimeout"})


def join(base: str, name: str) -> str:
    """``name`` under the collection path ``base``."""
    return path_of(urljoin(base if base.endswith("/") else base + "/", quote(name)))
