package seed

import "twincities/internal/content"

// pages are the about page, from the introduction of ../shared/seed/twin-cities-page.txt with its
// typing errors mended and its hand-written counts left out (the site counts for itself), the
// contacts page, with the department's name, the one contact fact the sources give, and the
// privacy page, saying what the site does with a message sent through its form, with a note
// (an HTML comment: staff see it in the form, the public page drops it) for the legal department.
var pages = []content.Page{
	{
		Key:   content.About,
		Title: content.Text{RU: "О международных и межмуниципальных связях Перми", EN: "About Perm's international and inter-municipal relations"},
		Body: content.Text{
			RU: `Межгородские связи сегодня стали приоритетом во взаимодействии муниципалитетов. В органах местного самоуправления год от года растёт потребность в обмене лучшими практиками и в представлении своих интересов на международном уровне.

Международное и межмуниципальное сотрудничество развивается за счёт расширения его содержания и углубления взаимодействия между городами: чтобы обмениваться опытом, вырабатывать согласованную политику развития города во всех существенных аспектах, представлять её на региональном и федеральном уровнях и отстаивать интересы местного самоуправления.

Участие в побратимских связях, в международных и межмуниципальных ассоциациях и организациях помогает найти пути и формы международного сотрудничества, полезные городам: они открывают доступ к международному опыту, вовлекают в мировое сообщество городов и помогают раскрыть социальный, культурный и промышленный потенциал города.

Пермь не остаётся в стороне от этих процессов. Город активно участвует в международном и межрегиональном сотрудничестве.

Пермь активно развивает народную дипломатию. Эффективное сотрудничество с городами-побратимами позволяет использовать международный опыт и лучшие практики для социально-экономического развития города и способствует взаимопониманию жителей Перми и городов-побратимов на основе общих ценностей.`,
			EN: `Inter-city links have become a priority in the interaction between municipalities. Within local government, the need to exchange best practice and to represent their interests at the international level grows from year to year.

International and inter-municipal cooperation is developing by broadening its content and deepening the interaction between cities, with the aim of exchanging experience, shaping a consolidated policy for the city's development in all its essential aspects, presenting that policy at regional and federal level, and representing the interests of local governments.

Taking part in twin-city links and in international and inter-municipal associations and organisations helps to find the ways and forms of international cooperation that benefit cities: access to international experience, a place in the world community of cities, and the promotion of the city's social, cultural and industrial potential.

Perm takes an active part in these processes, in international and interregional cooperation alike.

Perm is very active in promoting people's diplomacy. Efficient cooperation with twin cities makes it possible to use international experience and best practice for the social and economic development of the city, and to promote understanding between the residents of Perm and its twin cities based on common values.`,
		},
	},
	{
		Key:   content.Contacts,
		Title: content.Text{RU: "Контакты", EN: "Contacts"},
		Body: content.Text{
			RU: `Международными и межмуниципальными связями Перми и этим сайтом занимается **Управление международных и межмуниципальных связей администрации города Перми**.`,
			EN: `Perm's international and inter-municipal relations, and this site, are the work of the **International and Inter-municipal Relations Department of the Administration of the City of Perm**.`,
		},
	},
	{
		// What the site does with a message written through its form: only what the code does
		// (internal/store/messages.go), nothing about the operator that the sources do not give.
		Key:   content.Privacy,
		Title: content.Text{RU: "Обработка персональных данных", EN: "Processing of personal data"},
		Body: content.Text{
			RU: `<!-- Примечание редактора: текст описывает, что делает сайт с сообщением, отправленным через форму «Написать в управление». До публикации его должен проверить юридический отдел: сведения об операторе персональных данных (полное наименование, адрес), цели и правовые основания обработки по Федеральному закону от 27.07.2006 № 152-ФЗ «О персональных данных». Адреса и имена не выдумывать. -->

Этот текст относится к сообщениям, которые посетители отправляют через форму «Написать в управление» на этом сайте. Сообщение отправляется только после согласия на обработку персональных данных в соответствии с Федеральным законом «О персональных данных» (№ 152-ФЗ).

## Что хранится

- имя, которое вы указали;
- адрес электронной почты, который вы указали;
- тема и текст сообщения;
- язык страницы, с которой отправлено сообщение;
- дата и время отправки.

Отдельно от сообщения, не связываясь с ним, сайт на одни сутки запоминает сетевой адрес (IP-адрес), с которого отправлено сообщение, и время отправки: только чтобы ограничить массовую отправку сообщений с одного адреса.

## Зачем

Только чтобы сотрудники Управления международных и межмуниципальных связей администрации города Перми прочитали сообщение и ответили на него. Другим целям эти данные не служат.

## Кто видит

Только сотрудники управления, у которых есть доступ к служебной части сайта. Если сайт настроен на это, сообщение также пересылается на служебный адрес электронной почты управления. Третьим лицам данные не передаются.

## Сколько хранится

Сообщение удаляется автоматически по истечении срока хранения, установленного в настройках сайта; сотрудники могут удалить его и раньше.`,
			EN: `<!-- Примечание редактора: текст описывает, что делает сайт с сообщением, отправленным через форму «Написать в управление». До публикации его должен проверить юридический отдел: сведения об операторе персональных данных (полное наименование, адрес), цели и правовые основания обработки по Федеральному закону от 27.07.2006 № 152-ФЗ «О персональных данных». Адреса и имена не выдумывать. (Editor's note: the legal department must check this text before it is relied on.) -->

This text is about the messages visitors send through the "Write to the department" form of this site. A message is sent only with the sender's consent to the processing of personal data under the Russian Federal Law "On Personal Data" (No. 152-FZ).

## What is stored

- the name you give;
- the e-mail address you give;
- the subject and text of the message;
- the language of the page it was sent from;
- the date and time it was sent.

Apart from the message, and not linked to it, the site keeps the network (IP) address it was sent from and the time for one day, only to limit how many messages can be sent from one address.

## What for

Only so that the staff of the International and Inter-municipal Relations Department of the Administration of the City of Perm can read the message and answer it. The data serve no other purpose.

## Who sees it

Only the department's staff who have access to the site's staff area. When the site is set up to do so, the message is also forwarded to the department's official e-mail address. The data are not passed to third parties.

## How long it is kept

A message is deleted automatically when the retention period set in the site's settings ends; staff may delete it sooner.`,
		},
	},
	// The notes at the top of two lists (issue 9, item 4), from ../shared/facts/perm.md: the
	// city portal counts 7 partner cities, of which 4 are sourced, and 8 unions and organisations
	// and 4 associations, of which fewer are confirmed. A site that loaded the initial data before
	// the notes existed gets them from addMissingPages.
	{
		Key:   content.PartnerCitiesNote,
		Title: content.Text{RU: "Примечание к списку городов-партнёров", EN: "Note on the list of partner cities"},
		Body: content.Text{
			RU: "По данным портала города Перми, Пермь подписала соглашения о сотрудничестве с семью российскими городами. Список пополняется: здесь показаны города, соглашения с которыми подтверждены источниками.",
			EN: "According to the City of Perm's portal, Perm has signed cooperation agreements with seven Russian cities. The list is still being completed: it shows the cities whose agreements are confirmed by sources.",
		},
	},
	{
		Key:   content.MembershipsNote,
		Title: content.Text{RU: "Примечание к списку союзов и ассоциаций", EN: "Note on the list of memberships"},
		Body: content.Text{
			RU: "По данным портала города Перми, Пермь входит в восемь союзов и организаций местного самоуправления и тесно связана с четырьмя ассоциациями. Список пополняется: участие в остальных ещё подтверждается.",
			EN: "According to the City of Perm's portal, Perm is a member of eight unions and organisations of local governments and has close links with four associations. The list is still being completed: the other memberships are still being confirmed.",
		},
	},
}
