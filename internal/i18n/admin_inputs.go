package i18n

import "twincities/internal/content"

// The problems of a date typed in three boxes (issue 11, friendly inputs) join the admin's shared
// map here, so that the words about dates stay together: each names the box to fix.
func init() {
	add := func(m *AdminMessages, problems map[content.Problem]string) {
		for k, v := range problems {
			m.Problems[k] = v
		}
	}
	add(&adminRU, map[content.Problem]string{
		content.ProblemDateDay:   "День — число от 1 до 31.",
		content.ProblemDateMonth: "Месяц\u00a0— число от 1 до 12; если указан день, нужен и месяц.",
		content.ProblemDateYear:  "Укажите год четырьмя цифрами, например 2007.",
		content.ProblemDateReal:  "В этом месяце нет такого дня: проверьте день и месяц.",
	})
	add(&adminEN, map[content.Problem]string{
		content.ProblemDateDay:   "The day must be a number from 1 to 31.",
		content.ProblemDateMonth: "The month must be a number from 1 to 12; a day needs its month too.",
		content.ProblemDateYear:  "Enter the year in four digits, such as 2007.",
		content.ProblemDateReal:  "That month has no such day: check the day and the month.",
	})
}

// The audit log's words for setting and cancelling a schedule (issue 11, friendly inputs) join
// the shared map of actions here, beside the rest of this part's words.
func init() {
	adminRU.ActionNames["schedule_set"] = "назначение публикации или снятия"
	adminRU.ActionNames["schedule_cancel"] = "отмена назначенного"
	adminEN.ActionNames["schedule_set"] = "publication or withdrawal scheduled"
	adminEN.ActionNames["schedule_cancel"] = "scheduled action cancelled"
}
