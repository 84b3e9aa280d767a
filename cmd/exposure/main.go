// Command exposure tells a LinkedIn member what of their own data falls
// within LinkedIn's generative-AI training, read from the data export they
// download from LinkedIn. It never touches the network.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
