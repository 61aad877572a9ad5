package seed

import "twincities/internal/content"

// Sources named more than once in ../shared/facts/perm.md. Where the facts give a source without
// an address (a newspaper, a portal news item), only its title is kept: nothing is guessed.
var (
	portal2018 = content.Source{
		Title: "Perm city portal, 14 December 2018", Translation: "Портал города Перми, 14 декабря 2018 г.",
		URL: "http://gp-static.wdepo.ru/eng-special/2018/12/14%2016:39:57+05/47965-id",
	}
	portal2021 = content.Source{
		Title: "Perm city portal, 18 June 2021", Translation: "Портал города Перми, 18 июня 2021 г.",
		URL: "http://gp-static.wdepo.ru/eng-special/2021/06/18%2020:17:00+05/55781-id",
	}
	friendshipWasBorn = content.Source{
		Title: "permcitybro.com: Friendship was born (29 April 2019)", Translation: "permcitybro.com: «Родилась дружба» (29 апреля 2019 г.)",
		URL: "http://permcitybro.com/en/2019/04/29/friendship-was-born/",
	}
)
