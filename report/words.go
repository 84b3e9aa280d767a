package report

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"exposure/policy"
)

// words.go: the policy's codes in plain words. Every outcome, reason,
// flag, rule and category the member can meet has a short label and a
// sentence in each language (texts.yaml: "reason_"+reason, "flag_"+flag,
// "rule_"+rule, "catname_"+category, with "_say" for the sentence); the
// report shows those, never the codes (TestNoCodesShown).

// reasonLabel is a reason in words; an excluded item's reason is its
// category's name, shown as the category's label.
func reasonLabel(lang string, reason policy.Reason) string {
	if s, ok := texts["reason_"+string(reason)]; ok {
		return s.in(lang)
	}
	if s, ok := texts["catname_"+string(reason)]; ok {
		return s.in(lang)
	}
	return words(string(reason))
}

// reasonSentence explains a reason, or "" when there is no sentence.
func reasonSentence(lang string, reason policy.Reason) string {
	if s, ok := texts["reason_"+string(reason)+"_say"]; ok {
		return s.in(lang)
	}
	if _, ok := texts["catname_"+string(reason)]; ok {
		return t(lang, "reason_excluded_say")
	}
	return ""
}

func flagLabel(lang, flag string) string {
	if s, ok := texts["flag_"+flag]; ok {
		return s.in(lang)
	}
	return words(flag)
}

// categoryLabel is a category's name in words: a policy file of one's own
// with other names shows them with spaces for underscores.
func categoryLabel(lang, name string) string {
	if s, ok := texts["catname_"+name]; ok {
		return s.in(lang)
	}
	return words(name)
}

// lowerFirst puts a label's first letter in lower case, for use inside a
// sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// words turns a code into words: "profile_by_others" → "profile by others".
func words(code string) string { return strings.ReplaceAll(code, "_", " ") }

// codeRE finds what looks like a code in a sentence: "lookback_uncertain",
// "rules.not_started".
var codeRE = regexp.MustCompile(`\b(?:rules\.)?[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`)

// plainCodes replaces the codes a policy note quotes (an outcome, reason,
// flag or rule) by their labels in quotes; an unknown code keeps its words.
func plainCodes(lang, s string) string {
	open, closing := "“", "”"
	if lang == "fr" {
		open, closing = "«\u00a0", "\u00a0»"
	}
	return codeRE.ReplaceAllStringFunc(s, func(code string) string {
		name := strings.TrimPrefix(code, "rules.")
		for _, key := range []string{"out_" + name, "flag_" + name, "reason_" + name, "rule_" + name, "catname_" + name} {
			if s, ok := texts[key]; ok {
				label := s.in(lang)
				if key == "out_"+name || key == "rule_"+name || key == "catname_"+name {
					label = lowerFirst(label)
				}
				return open + label + closing
			}
		}
		return words(code)
	})
}
