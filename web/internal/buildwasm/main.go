// Command buildwasm builds the web page's engine for `go generate ./web`:
// cmd/exposure-wasm compiled to WebAssembly, and the wasm_exec.js of the
// same Go release, into the folder -o names (web/dist), where a later
// build of cmd/exposure embeds them.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"exposure/web"
)

func main() {
	out := flag.String("o", "dist", "the `folder` to write exposure.wasm and wasm_exec.js into")
	flag.Parse()
	dir, err := web.ModuleDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildwasm:", err)
		os.Exit(1)
	}
	abs, _ := filepath.Abs(*out)
	wasm, _, err := web.Build(context.Background(), dir, abs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildwasm:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d bytes\n", filepath.Join(*out, web.WasmFile), len(wasm))
}
