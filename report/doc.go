// Package report prints an analysed export: the JSON result (json.go), the
// CSV result (csv.go) and the human-readable inspect table (inspect.go). Each
// output format has a file of its own; none of them logs content, and none
// reaches the network.
package report
