-- The language a customer reads (issue 11): the e-mail action sends them the template's variant in it.
alter table customer add column language text not null default 'it'
    constraint customer_language_check check (language in ('it', 'en', 'es'));

-- One variant of an e-mail template per language. The template row keeps only its name; the texts it had become its
-- Italian variant, so every existing template sends what it sent before.
create table email_template_variant (
    template_id bigint not null references email_template (id) on delete cascade,
    language    text   not null constraint email_template_variant_language_check check (language in ('it', 'en', 'es')),
    subject     text   not null,
    body_html   text   not null,
    body_text   text   not null,
    primary key (template_id, language)
);

insert into email_template_variant (template_id, language, subject, body_html, body_text)
select id, 'it', subject, body_html, body_text from email_template;

alter table email_template drop column subject, drop column body_html, drop column body_text;
