-- +goose Up

-- The partner city's own page about Perm, on its official site (issue 9, item 5): optional, a
-- link like the official site.
ALTER TABLE cities ADD COLUMN perm_page_url text NOT NULL DEFAULT ''
    CHECK (perm_page_url = '' OR is_web_url(perm_page_url));

-- Two editable notes, kept as text pages: at the top of the partner cities and the memberships
-- lists, saying while a list is still being completed (an empty body shows none).
ALTER TABLE pages DROP CONSTRAINT pages_key_check;
ALTER TABLE pages ADD CONSTRAINT pages_key_check
    CHECK (key IN ('about', 'contacts', 'partner-cities-note', 'memberships-note'));

-- A site that loaded the initial data before the notes existed gets them as the initial data now
-- gives them (internal/seed/pages.go, from ../shared/facts/perm.md). An empty database gets none
-- here: the initial data loads only into a database without content, pages included.
INSERT INTO pages (key, title_ru, title_en, body_ru, body_en)
SELECT n.key, n.title_ru, n.title_en, n.body_ru, n.body_en
FROM (VALUES
    ('partner-cities-note',
     'Примечание к списку городов-партнёров',
     'Note on the list of partner cities',
     'По данным портала города Перми, Пермь подписала соглашения о сотрудничестве с семью российскими городами. Список пополняется: здесь показаны города, соглашения с которыми подтверждены источниками.',
     'According to the City of Perm''s portal, Perm has signed cooperation agreements with seven Russian cities. The list is still being completed: it shows the cities whose agreements are confirmed by sources.'),
    ('memberships-note',
     'Примечание к списку союзов и ассоциаций',
     'Note on the list of memberships',
     'По данным портала города Перми, Пермь входит в восемь союзов и организаций местного самоуправления и тесно связана с четырьмя ассоциациями. Список пополняется: участие в остальных ещё подтверждается.',
     'According to the City of Perm''s portal, Perm is a member of eight unions and organisations of local governments and has close links with four associations. The list is still being completed: the other memberships are still being confirmed.')
) AS n (key, title_ru, title_en, body_ru, body_en)
WHERE EXISTS (SELECT 1 FROM pages)
ON CONFLICT (key) DO NOTHING;

-- +goose Down

DELETE FROM pages WHERE key IN ('partner-cities-note', 'memberships-note');
ALTER TABLE pages DROP CONSTRAINT pages_key_check;
ALTER TABLE pages ADD CONSTRAINT pages_key_check CHECK (key IN ('about', 'contacts'));
ALTER TABLE cities DROP COLUMN perm_page_url;
