package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// mediaTypes of the app's files, by extension.
var mediaTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/plain; charset=utf-8",
}

// Handler serves the app to a browser on this computer. It answers GET and
// HEAD only (no handler reads a request body: there is nothing to upload),
// only requests whose Host is one of hosts (the loopback address and port
// the server is bound to: a page of another site that points its own name
// at 127.0.0.1, DNS rebinding, is refused), and sets the page's
// Content-Security-Policy and the other security headers on every answer.
func (a *App) Handler(hosts ...string) http.Handler {
	allowed := map[string]bool{}
	for _, h := range hosts {
		allowed[strings.ToLower(h)] = true
	}
	csp := HeaderCSP()
	etags := map[string]string{}
	for name, data := range a.files {
		sum := sha256.Sum256(data)
		etags[name] = `"` + hex.EncodeToString(sum[:12]) + `"`
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()")
		h.Set("Cache-Control", "no-cache")
		if !allowed[strings.ToLower(r.Host)] {
			http.Error(w, "misdirected request: this server answers only to "+strings.Join(hosts, " or "), http.StatusMisdirectedRequest)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: this server only serves the page; nothing can be sent to it", http.StatusMethodNotAllowed)
			return
		}
		if r.ContentLength != 0 || len(r.TransferEncoding) > 0 {
			http.Error(w, "a request with a body is refused: nothing can be sent to this server", http.StatusRequestEntityTooLarge)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		data, ok := a.files[name]
		if !ok || strings.HasPrefix(name, ".") {
			http.NotFound(w, r)
			return
		}
		if t, ok := mediaTypes[path.Ext(name)]; ok {
			h.Set("Content-Type", t)
		} else {
			h.Set("Content-Type", "application/octet-stream")
		}
		h.Set("ETag", etags[name])
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	})
}

// LoopbackHosts are the Host values a browser sends to a server bound to
// addr (an IP loopback address and its port): the address itself and,
// for 127.0.0.1 and ::1, localhost.
func LoopbackHosts(addr string) []string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	hosts := []string{net.JoinHostPort(host, port)}
	if ip := net.ParseIP(host); ip != nil && (ip.Equal(net.IPv4(127, 0, 0, 1)) || ip.Equal(net.IPv6loopback)) {
		hosts = append(hosts, net.JoinHostPort("localhost", port))
	}
	return hosts
}

// IsLoopback reports whether a listen address names only this computer:
// a loopback IP address, or localhost.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
