package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	flag "github.com/spf13/pflag"

	"exposure/web"
)

// engine finds the web page's engine; tests replace it so that they need
// not build it.
var engine = web.Engine

// interrupted is the context serve stops on (Ctrl-C, SIGTERM); tests
// replace it.
var interrupted = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serving, when set, is told the URL once the server listens (tests).
var serving func(url string)

// setupServe: `exposure serve`, the web page that analyses the export in
// the browser, served on this computer only; or, with --write, written as
// a folder for any static host.
func setupServe(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	addr := fs.String("addr", "127.0.0.1:0", "listen on this loopback `ADDRESS` (port 0: any free port)")
	open := fs.Bool("open", false, "open the page in the default browser")
	write := fs.String("write", "", "write the page as a folder `DIR` for any static host, instead of serving it")
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("serve takes no arguments")
		}
		host, _, err := net.SplitHostPort(*addr)
		if err != nil {
			return usagef("--addr %q: give HOST:PORT, e.g. 127.0.0.1:8080", *addr)
		}
		if *write == "" && !web.IsLoopback(host) {
			return usagef("--addr %q: serve listens on this computer only; give a loopback address (127.0.0.1, ::1 or localhost)", *addr)
		}
		ctx, stop := interrupted()
		defer stop()
		wasm, wasmExec, err := engine(ctx, func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) })
		if err != nil {
			return err
		}
		app, err := web.NewApp(wasm, wasmExec)
		if err != nil {
			return err
		}
		if *write != "" {
			if err := app.Write(*write); err != nil {
				return fmt.Errorf("%s: cannot write the page: %v", *write, err)
			}
			fmt.Fprintf(stdout, "The page is in %s: put the folder on any static web host, or open it through `exposure serve`.\n"+
				"Serve it with the Content-Security-Policy header of index.html's <meta> tag where the host allows headers.\n", *write)
			return nil
		}
		return serve(ctx, app, *addr, *open, stdout, stderr)
	}
}

func serve(ctx context.Context, app *web.App, addr string, open bool, stdout, stderr io.Writer) error {
	if host, _, _ := net.SplitHostPort(addr); host == "localhost" {
		addr = net.JoinHostPort("127.0.0.1", addr[len("localhost:"):]) // one address, not every one localhost names
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v", addr, err)
	}
	bound := ln.Addr().String()
	url := "http://" + bound + "/"
	srv := &http.Server{
		Handler:           app.Handler(web.LoopbackHosts(bound)...),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "exposure: the page is at %s\n"+
		"Open it in your browser and drop your LinkedIn archive on it: it is analysed inside the browser,\n"+
		"nothing is sent to this server or anywhere else. Stop with Ctrl-C.\n", url)
	if serving != nil {
		serving(url)
	}
	if open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "exposure: could not open a browser (%v); open %s yourself.\n", err, url)
		}
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "exposure: stopped.")
	return nil
}

// openBrowser asks the system to open url.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
