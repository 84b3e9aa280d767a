package parse

import "strings"

// Messages and AI-assistant conversations (§2.3). One struct maps every
// header era of messages.csv (9 to 13 columns, quoted or not since March
// 2026, §3 Q5) and the 2018 Messages.csv, by column name.
type messageRow struct {
	ConversationID    string `csv:"CONVERSATION ID"`
	ConversationTitle string `csv:"CONVERSATION TITLE"`
	From              string `csv:"FROM"`
	SenderURL         string `csv:"SENDER PROFILE URL"`
	To                string `csv:"TO"`
	RecipientURLs     string `csv:"RECIPIENT PROFILE URLS"`
	Date              Date   `csv:"DATE"`
	Subject           string `csv:"SUBJECT"`
	Content           string `csv:"CONTENT"`
	Folder            string `csv:"FOLDER"`
	Direction         string `csv:"DIRECTION"`
	Attachments       string `csv:"ATTACHMENTS"`
	MessageDraft      string `csv:"IS MESSAGE DRAFT"`
	ConversationDraft string `csv:"IS CONVERSATION DRAFT"`
}

func (r *messageRow) item(c rowCtx) (Item, string) {
	// Content before 2026 had its line breaks flattened to spaces;
	// writeKey folds white space, so both eras give one ID.
	it := c.dated(&r.Date, messageText(r), r.ConversationID, r.From, r.Content)
	if strings.EqualFold(r.MessageDraft, "yes") {
		it.Flags = append(it.Flags, "draft")
	}
	if c.kind == KindAIConversation && strings.TrimSpace(r.From) == "" {
		it.Flags = append(it.Flags, "ai_turn")
	}
	if r.SenderURL == "" && strings.Contains(r.Content, "spinmail") {
		it.Flags = append(it.Flags, "sponsored")
	}
	return it, ""
}

func messageText(r *messageRow) string {
	if s := strings.TrimSpace(r.Subject); s != "" {
		return Snippet(s)
	}
	if s := strings.TrimSpace(r.ConversationTitle); s != "" {
		return Snippet(s)
	}
	// Content may hold HTML tags and entities (sponsored messages, 2018
	// files, §2.3); a '<' that opens no tag ("Thanks <3") is kept as text.
	if !strings.ContainsAny(r.Content, "<&") {
		return Snippet(r.Content)
	}
	return Snippet(htmlText(r.Content))
}
