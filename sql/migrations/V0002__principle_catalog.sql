-- V0002: principle catalog
-- Owner: report service
-- Holds the principle catalog from the METI/MIC "AI Guidelines for Business"
-- (AI事業者ガイドライン):
--   * guideline_editions: the edition the catalog was taken from (one row);
--   * principles: the 10 common principles C01..C10 (第2部 C. 共通の指針), their
--     31 leaf sub-items (30 numbered ①②... plus C09.0, because 9) 公正競争確保 has
--     no numbered sub-items), and the 12 principles for actors dealing with
--     advanced AI systems ADV01..ADV12 (第2部 D, Hiroshima process, I)..XII)).
--     Counts: 10 COMMON_PRINCIPLE, 31 SUB_ITEM, 12 ADVANCED_AI_PRINCIPLE.
--     (The extraction notes say "29 numbered", but their own sum
--     6+3+2+1+2+4+6+3+0+3 is 30, and the source has 30 ①-⑥ headings in
--     L1856-L2475; every one of them is seeded here.)
--
-- This is global reference data shared by all tenants: there is no tenant_id
-- and no row-level security. Tenant-defined policy principles belong to a later
-- migration. The application role airr_app (created in V0001) may only read.
--
-- Conventions:
--   * Source text: reference/seeds/002_63691135f9e5bdd8.txt (13,610
--     lines, extracted from the PDF). source_lines cites lines of that file:
--     the heading line for common principles and sub-items, and the whole item
--     (heading through last bullet) for ADV items, whose headings span lines.
--   * title_ja is quoted verbatim from the seed text: the numbering prefix
--     (1) / ① / I)), footnote markers (e.g. 適正学習13 -> 適正学習) and, for ADV items,
--     the trailing list of mapped principles （「2）安全性」…） are dropped; PDF line
--     breaks are joined; spaces inside the text are kept exactly as extracted
--     (e.g. 'AI モデル', 'AI リテラシー', '高度な AI システム').
--   * title_en and summary_en are our own one-sentence paraphrases, not
--     translations of whole passages.
--   * obligation_level: SHOULD for C01-C07 (各主体が取り組む事項), EXPECTED for
--     C08-C10 (社会と連携した取組が期待される事項, header at L2387); sub-items
--     inherit their parent's level. ADV items are SHOULD; who must comply to
--     what extent is recorded in applicability.
--   * sort_order follows document order with gaps: C0n = n*100, sub-item k of
--     C0n = n*100 + k, ADVnn = 1000 + nn*100.

CREATE TABLE guideline_editions (
  id          text PRIMARY KEY,
  title_ja    text NOT NULL,
  title_en    text NOT NULL,
  published   text NOT NULL,
  source_note text NOT NULL
);

CREATE TABLE principles (
  id                 text PRIMARY KEY,
  edition_id         text NOT NULL REFERENCES guideline_editions(id),
  parent_id          text REFERENCES principles(id),
  kind               text NOT NULL CHECK (kind IN ('COMMON_PRINCIPLE', 'SUB_ITEM', 'ADVANCED_AI_PRINCIPLE')),
  code               text,
  title_ja           text NOT NULL,
  title_en           text NOT NULL,
  summary_en         text NOT NULL,
  obligation_level   text NOT NULL CHECK (obligation_level IN ('SHOULD', 'EXPECTED')),
  applicability      text NOT NULL DEFAULT '',
  related_principles text[] NOT NULL DEFAULT '{}',
  source_lines       text NOT NULL,
  sort_order         int NOT NULL,
  CHECK ((kind = 'SUB_ITEM') = (parent_id IS NOT NULL))
);

CREATE INDEX principles_parent ON principles (parent_id);

GRANT SELECT ON guideline_editions, principles TO airr_app;

-- ---------------------------------------------------------------------------
-- Edition
-- ---------------------------------------------------------------------------

INSERT INTO guideline_editions (id, title_ja, title_en, published, source_note) VALUES (
  'meti-mic-aigb-2024-draft',
  'AI事業者ガイドライン',
  'AI Guidelines for Business (METI / MIC)',
  'undated pre-final draft preceding v1.0 (April 2024); the overview timeline gives 「2024年3月予定」 (L179)',
  'Text of seeds/002_63691135f9e5bdd8.txt (13,610 lines, extracted from PDF). It reads as the pre-final or public-comment draft, not the final v1.0: the overview still says 「2024年3月予定」 (L179) and the AI Safety Institute is still 「2024年 1月めどに…設置予定」 (L1575). 別添7-9 (checklist, hypothetical cases, comparison with foreign guidelines) are separate documents and are not in this text (L3773-L3777). Line references (Lnnnn) point into this file.'
);

-- ---------------------------------------------------------------------------
-- Common principles (第2部 C. 共通の指針, L1856-L2475) and their sub-items
-- ---------------------------------------------------------------------------

-- 1) 人間中心 -----------------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'HUMAN_CENTRIC',
   '人間中心', 'Human-centric',
   'As the foundation of every other item, never infringe human rights guaranteed by the Constitution or recognised internationally, and act so that AI extends people''s abilities and lets diverse people pursue their own well-being.',
   'SHOULD', 'L1872', 100);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01.1', 'meti-mic-aigb-2024-draft', 'C01', 'SUB_ITEM', NULL,
   '人間の尊厳と個人の自律', 'Human dignity and individual autonomy',
   'Respect human dignity and individual autonomy in the social context where AI is used, consult bioethics debates when linking AI to the human brain or body, and when profiling in fields that can significantly affect individuals'' rights, understand the limits of AI, weigh the possible disadvantages and never use it for inappropriate purposes.',
   'SHOULD', 'L1884', 101);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01.2', 'meti-mic-aigb-2024-draft', 'C01', 'SUB_ITEM', NULL,
   'AIによる意思決定・感情の操作等への留意', 'Attention to manipulation of decision-making and emotions by AI',
   'Do not develop, provide or use AI that aims at or relies on unduly manipulating human decisions, cognition or emotions, counter over-reliance such as automation bias, watch for uses that narrow people''s choices as filter bubbles do, and handle AI output with care where it may bear on socially important processes such as elections and community decisions.',
   'SHOULD', 'L1918', 102);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01.3', 'meti-mic-aigb-2024-draft', 'C01', 'SUB_ITEM', NULL,
   '偽情報等への対策', 'Countermeasures against disinformation, etc.',
   'Recognise that generative AI lets anyone produce plausible-looking false, mistaken or biased information that can destabilise and confuse society, and take the necessary countermeasures.',
   'SHOULD', 'L1938', 103);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01.4', 'meti-mic-aigb-2024-draft', 'C01', 'SUB_ITEM', NULL,
   '多様性・包摂性の確保', 'Ensuring diversity and inclusion',
   'Beyond fairness, avoid leaving people behind as information- or technology-disadvantaged and make AI easier for socially vulnerable people to use, for example through universal design, accessibility, and education and follow-up for stakeholders.',
   'SHOULD', 'L1948', 104);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01.5', 'meti-mic-aigb-2024-draft', 'C01', 'SUB_ITEM', NULL,
   '利用者支援', 'User support',
   'Within reason, give information about AI functions and related technology and provide features that deliver timely, appropriate information for people''s choices, such as sensible defaults, understandable options, feedback, emergency warnings and error handling.',
   'SHOULD', 'L1960', 105);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C01.6', 'meti-mic-aigb-2024-draft', 'C01', 'SUB_ITEM', NULL,
   '持続可能性の確保', 'Ensuring sustainability',
   'Consider the impact on the global environment over the whole lifecycle of developing, providing and using AI systems and services.',
   'SHOULD', 'L1972', 106);

-- 2) 安全性 -------------------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C02', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'SAFETY',
   '安全性', 'Safety',
   'Do not let the development, provision or use of AI systems and services harm stakeholders'' life, body or property, and also take care not to harm people''s minds or the environment.',
   'SHOULD', 'L2000', 200);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C02.1', 'meti-mic-aigb-2024-draft', 'C02', 'SUB_ITEM', NULL,
   '人間の生命・身体・財産、精神及び環境への配慮', 'Consideration for human life, body, property, mind and the environment',
   'Ensure reliability, robustness and human controllability suited to the AI''s nature and use, analyse and treat risks (avoid, reduce, transfer or accept), work out in advance and tell stakeholders what to do where harm is possible, and prepare a response that can be carried out quickly if safety is compromised.',
   'SHOULD', 'L2010', 201);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C02.2', 'meti-mic-aigb-2024-draft', 'C02', 'SUB_ITEM', NULL,
   '適正利用', 'Proper use',
   'Develop, provide and use AI so that, within what each actor controls, harm from provision or use that departs from the intended purpose is avoided.',
   'SHOULD', 'L2038', 202);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C02.3', 'meti-mic-aigb-2024-draft', 'C02', 'SUB_ITEM', NULL,
   '適正学習', 'Proper training',
   'Keep training data accurate and, where needed, up to date for the system''s characteristics and use, and within reason keep that data transparent, comply with legal frameworks and update models, a duty that also applies to providers and users who fine-tune or retrain (fn13).',
   'SHOULD', 'L2046', 203);

-- 3) 公平性 -------------------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C03', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'FAIRNESS',
   '公平性', 'Fairness',
   'Strive to remove unfair and harmful bias and discrimination against individuals or groups on grounds such as race, gender, nationality, age, political belief or religion, and, accepting that some bias cannot be avoided, judge whether the remaining bias is acceptable in light of human rights and cultural diversity before going ahead.',
   'SHOULD', 'L2058', 300);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C03.1', 'meti-mic-aigb-2024-draft', 'C03', 'SUB_ITEM', NULL,
   'AI モデルの各構成技術に含まれるバイアスへの配慮', 'Attention to bias in each component technology of the AI model',
   'Identify where fairness-relevant bias can enter, across training data, the training process, user prompts, information and external services used at inference, and user behaviour, and consider latent bias where the system''s nature or use calls for it.',
   'SHOULD', 'L2074', 301);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C03.2', 'meti-mic-aigb-2024-draft', 'C03', 'SUB_ITEM', NULL,
   '人間の判断の介在', 'Human judgment in the loop',
   'Consider putting human judgment into decisions instead of leaving them to AI alone, set up a clear and transparent process to analyse and address bias, and set policy after dialogue with stakeholders of diverse backgrounds, cultures and fields, mindful of unconscious and latent bias.',
   'SHOULD', 'L2090', 302);

-- 4) プライバシー保護 ---------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C04', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'PRIVACY',
   'プライバシー保護', 'Privacy protection',
   'Respect and protect privacy according to its importance, complying with the relevant laws and regulations.',
   'SHOULD', 'L2106', 400);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C04.1', 'meti-mic-aigb-2024-draft', 'C04', 'SUB_ITEM', NULL,
   'AIシステム・サービス全般におけるプライバシーの保護', 'Privacy protection across AI systems and services',
   'Protect stakeholders'' privacy in proportion to its importance and to people''s reasonable expectations by complying with the Act on the Protection of Personal Information and related law, drawing up and publishing a privacy policy, and referring to international data-protection principles and standards.',
   'SHOULD', 'L2114', 401);

-- 5) セキュリティ確保 ---------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C05', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'SECURITY',
   'セキュリティ確保', 'Ensuring security',
   'Keep AI systems and services secure so that unauthorised manipulation cannot cause unintended changes to, or stoppage of, the AI''s behaviour.',
   'SHOULD', 'L2130', 500);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C05.1', 'meti-mic-aigb-2024-draft', 'C05', 'SUB_ITEM', NULL,
   'AIシステム・サービスに影響するセキュリティ対策', 'Security measures affecting AI systems and services',
   'Maintain confidentiality, integrity and availability with measures that are reasonable for the current state of the art, check that the connections between systems needed for normal operation are sound, and accept that vulnerabilities such as subtly perturbed inference inputs cannot be fully eliminated.',
   'SHOULD', 'L2153', 501);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C05.2', 'meti-mic-aigb-2024-draft', 'C05', 'SUB_ITEM', NULL,
   '最新動向への留意', 'Attention to the latest trends',
   'Because new attack methods against AI systems and services appear every day, keep checking what precautions are needed to deal with them.',
   'SHOULD', 'L2171', 502);

-- 6) 透明性 -------------------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C06', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'TRANSPARENCY',
   '透明性', 'Transparency',
   'While keeping AI systems and services verifiable and considering the social context of their use, give stakeholders reasonable information as far as is necessary and technically feasible.',
   'SHOULD', 'L2179', 600);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C06.1', 'meti-mic-aigb-2024-draft', 'C06', 'SUB_ITEM', NULL,
   '検証可能性の確保', 'Ensuring verifiability',
   'Record and keep logs, within reason for the data involved, of the development process, inputs and outputs in use, and the learning, inference and grounds for AI judgments, choosing the logging method and frequency with accident root-cause analysis, recurrence prevention and proof of liability in mind.',
   'SHOULD', 'L2189', 601);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C06.2', 'meti-mic-aigb-2024-draft', 'C06', 'SUB_ITEM', NULL,
   '関連するステークホルダーへの情報提供', 'Providing information to relevant stakeholders',
   'Give and explain to stakeholders, at a level suited to their knowledge, information such as the fact that AI is used, how data was collected and annotated, how the model was trained and evaluated, the underlying model, capabilities, limits and proper or improper uses, and applicable law, while actively engaging diverse stakeholders.',
   'SHOULD', 'L2205', 602);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C06.3', 'meti-mic-aigb-2024-draft', 'C06', 'SUB_ITEM', NULL,
   '合理的かつ誠実な対応', 'Reasonable and good-faith response',
   'Provide that information within a socially reasonable scope without implying disclosure of algorithms or source code, respecting privacy and trade secrets, following the terms of any public technology used, and weighing the social impact before open-sourcing an AI system.',
   'SHOULD', 'L2254', 603);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C06.4', 'meti-mic-aigb-2024-draft', 'C06', 'SUB_ITEM', NULL,
   '関連するステークホルダーへの説明可能性・解釈可能性の向上', 'Improving explainability and interpretability for relevant stakeholders',
   'Work out what explanations stakeholders need to feel confident about the AI, including evidence of how it behaves, and act on it, with providers telling developers, and users telling developers and providers, which explanations are required.',
   'SHOULD', 'L2268', 604);

-- 7) アカウンタビリティ -------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'ACCOUNTABILITY',
   'アカウンタビリティ', 'Accountability',
   'Fulfil accountability to stakeholders within a reasonable scope, for example on traceability and on how the common principles are being met, in proportion to each actor''s role and the level of risk its AI systems and services pose.',
   'SHOULD', 'L2280', 700);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07.1', 'meti-mic-aigb-2024-draft', 'C07', 'SUB_ITEM', NULL,
   'トレーサビリティの向上', 'Improving traceability',
   'Keep the origin of data and the decisions taken while developing, providing and using AI systems and services traceable, as far as is technically possible and reasonable.',
   'SHOULD', 'L2290', 701);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07.2', 'meti-mic-aigb-2024-draft', 'C07', 'SUB_ITEM', NULL,
   '「共通の指針」の対応状況の説明', 'Explaining the status of compliance with the common principles',
   'Regularly inform stakeholders, suppliers included, about how each common principle is being addressed, for example the risks that hinder putting the principles into practice, progress made, known risks and countermeasures, and what will be done if privacy is infringed.',
   'SHOULD', 'L2298', 702);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07.3', 'meti-mic-aigb-2024-draft', 'C07', 'SUB_ITEM', NULL,
   '責任者の明示', 'Designating the responsible person',
   'Appoint, within each actor, a person responsible for fulfilling accountability.',
   'SHOULD', 'L2352', 703);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07.4', 'meti-mic-aigb-2024-draft', 'C07', 'SUB_ITEM', NULL,
   '関係者間の責任の分配', 'Allocating responsibility among the parties',
   'Make clear where responsibility lies among the parties, non-business users included, through contracts between actors or social undertakings such as voluntary commitments.',
   'SHOULD', 'L2358', 704);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07.5', 'meti-mic-aigb-2024-draft', 'C07', 'SUB_ITEM', NULL,
   'ステークホルダーへの具体的な対応', 'Concrete response to stakeholders',
   'Where needed, draw up and publish AI governance and privacy policies, give stakeholders a channel to report errors in AI output while monitoring objectively, and set and carry out a policy for responding when stakeholders'' interests are harmed, reporting progress to them periodically.',
   'SHOULD', 'L2366', 705);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C07.6', 'meti-mic-aigb-2024-draft', 'C07', 'SUB_ITEM', NULL,
   '文書化', 'Documentation',
   'Document and keep the information above so that it can be consulted when and where it is needed, in an accessible and usable form.',
   'SHOULD', 'L2381', 706);

-- 8) 教育・リテラシー (EXPECTED from here on: 社会と連携, L2387) --------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C08', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'EDUCATION_LITERACY',
   '教育・リテラシー', 'Education and literacy',
   'Educate people within the organisation who work with AI so that they have the knowledge, literacy and ethics to understand and use AI properly, and educate stakeholders too, given AI''s complexity, its potential for misinformation and the possibility of deliberate misuse.',
   'EXPECTED', 'L2393', 800);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C08.1', 'meti-mic-aigb-2024-draft', 'C08', 'SUB_ITEM', NULL,
   'AI リテラシーの確保', 'Ensuring AI literacy',
   'Take the steps needed for everyone in the organisation who deals with AI to have a level of AI literacy sufficient for their role.',
   'EXPECTED', 'L2405', 801);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C08.2', 'meti-mic-aigb-2024-draft', 'C08', 'SUB_ITEM', NULL,
   '教育・リスキリング', 'Education and reskilling',
   'Consider education and reskilling so people can take on new ways of working as generative AI changes the split of work between AI and humans, and offer learning opportunities that account for generational gaps so that people understand AI''s benefits and become more resilient to its risks.',
   'EXPECTED', 'L2413', 802);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C08.3', 'meti-mic-aigb-2024-draft', 'C08', 'SUB_ITEM', NULL,
   'ステークホルダーへのフォローアップ', 'Follow-up with stakeholders',
   'Where needed, follow up with stakeholders on education and literacy to make AI systems and services safer overall.',
   'EXPECTED', 'L2425', 803);

-- 9) 公正競争確保 (no numbered sub-items; single leaf C09.0) ------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C09', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'FAIR_COMPETITION',
   '公正競争確保', 'Ensuring fair competition',
   'Strive to maintain a fair competitive environment around AI so that new AI-based businesses and services can emerge, sustaining economic growth and offering solutions to social problems.',
   'EXPECTED', 'L2433', 900);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C09.0', 'meti-mic-aigb-2024-draft', 'C09', 'SUB_ITEM', NULL,
   '公正競争確保', 'Ensuring fair competition (whole principle; the guideline has no numbered sub-items here)',
   'Work to keep the competitive environment around AI fair; the guideline gives this principle no narrower sub-items, so this leaf covers it as a whole.',
   'EXPECTED', 'L2433-L2437', 901);

-- 10) イノベーション ----------------------------------------------------------
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C10', 'meti-mic-aigb-2024-draft', NULL, 'COMMON_PRINCIPLE', 'INNOVATION',
   'イノベーション', 'Innovation',
   'Strive to contribute to promoting innovation across society as a whole.',
   'EXPECTED', 'L2441', 1000);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C10.1', 'meti-mic-aigb-2024-draft', 'C10', 'SUB_ITEM', NULL,
   'オープンイノベーション等の推進', 'Promoting open innovation, etc.',
   'Promote internationalisation, diversity, industry-academia-government collaboration and open innovation, and help sustain an environment in which the data that AI innovation needs keeps being created.',
   'EXPECTED', 'L2447', 1001);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C10.2', 'meti-mic-aigb-2024-draft', 'C10', 'SUB_ITEM', NULL,
   '相互接続性・相互運用性への留意', 'Attention to interconnectivity and interoperability',
   'Make one''s own AI systems and services interconnect and interoperate with other AI systems and services, following standard specifications where they exist.',
   'EXPECTED', 'L2461', 1002);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, source_lines, sort_order) VALUES
  ('C10.3', 'meti-mic-aigb-2024-draft', 'C10', 'SUB_ITEM', NULL,
   '適切な情報提供', 'Appropriate information provision',
   'Share the information that is needed, to the extent that doing so does not undermine one''s own innovation.',
   'EXPECTED', 'L2471', 1003);

-- ---------------------------------------------------------------------------
-- Principles for actors dealing with advanced AI systems
-- (第2部 D. 高度な AIシステムに関係する事業者に共通の指針, L2766-L2935)
--
-- Applicability (L2770-L2776; 第3部 L3275-L3281; 第4部 L3600-L3606;
-- 第5部 L3730-L3736): actors dealing with advanced AI systems comply with these
-- in addition to the common principles. I)-XI) contain content that applies
-- only to developers, so providers and business users comply with I)-XI) "to
-- the appropriate extent" (適切な範囲で); everyone complies with XII) in full.
-- The document never marks a single item as developer-only.
-- related_principles lists the common principles given in parentheses after
-- each heading, as written (XI is tagged 2 and 3, not 4, despite its title).
-- ---------------------------------------------------------------------------

INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV01', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   'AI ライフサイクル全体にわたるリスクを特定、評価、軽減するために、高度な AIシステムの開発全体を通じて、その導入前及び市場投入前も含め、適切な措置を講じる',
   'Identify, evaluate and mitigate risks across the AI lifecycle',
   'Throughout development of an advanced AI system, including before deployment and market release, take appropriate steps to identify, evaluate and mitigate lifecycle risks, for example by combining red-teaming with diverse internal and external tests, addressing the risks and vulnerabilities found, and keeping development decisions traceable.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C02,C06,C07}', 'L2781-L2793', 1100);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV02', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '市場投入を含む導入後、脆弱性、及び必要に応じて悪用されたインシデントやパターンを特定し、緩和する',
   'Identify and mitigate vulnerabilities, incidents and patterns of misuse after deployment',
   'After deployment, including market release, monitor how the system is used at intervals that match the risk level, identify and mitigate vulnerabilities and, where appropriate, incidents and patterns of misuse, and work with other stakeholders to keep reported incidents properly documented.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C05,C07}', 'L2797-L2807', 1200);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV03', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '高度な AIシステムの能力、限界、適切・不適切な使用領域を公表し、十分な透明性の確保を支援することで、アカウンタビリティの向上に貢献する',
   'Publicly report capabilities, limitations and domains of appropriate and inappropriate use',
   'Publish the capabilities, limitations and appropriate and inappropriate domains of use of advanced AI systems, and document and publish data provenance and key decisions clearly enough for stakeholders to interpret outputs and for users to use the system properly, so as to support transparency and strengthen accountability.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C06,C07}', 'L2811-L2821', 1300);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV04', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '産業界、政府、市民社会、学界を含む、高度な AIシステムを開発する組織間での責任ある情報共有とインシデントの報告に向けて取り組む',
   'Work towards responsible information sharing and incident reporting among organisations',
   'Work towards responsible information sharing and incident reporting among organisations that develop advanced AI systems, across industry, government, civil society and academia, covering for example monitoring reports and documents on security and safety risks.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C05,C06,C07,C10}', 'L2825-L2833', 1400);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV05', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '特に高度な AIシステム開発者に向けた、個人情報保護方針及び緩和策を含む、リスクベースのアプローチにもとづく AIガバナンス及びリスク管理方針を策定し、実施し、開示する',
   'Develop, implement and disclose risk-based AI governance and risk-management policies',
   'Develop, implement and disclose AI governance and risk-management policies based on a risk-based approach, including privacy policies and mitigations, publishing the privacy policy where appropriate and establishing and disclosing the organisation that carries out the governance policy.',
   'SHOULD',
   'Advanced-AI developers: comply; the heading itself says it is aimed especially at advanced-AI developers (特に高度な AIシステム開発者に向けた). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C04,C07}', 'L2844-L2852', 1500);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV06', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   'AIのライフサイクル全体にわたり、物理的セキュリティ、サイバーセキュリティ、内部脅威に対する安全対策を含む、強固なセキュリティ管理に投資し、実施する',
   'Invest in and implement robust security controls',
   'Invest in and implement robust security controls across the AI lifecycle, covering physical security, cybersecurity and safeguards against insider threats, including operational information-security measures and suitable cyber and physical access control.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C05}', 'L2856-L2860', 1600);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV07', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '技術的に可能な場合は、電子透かしやその他の技術等、AI利用者及び業務外利用者が、AIが生成したコンテンツを識別できるようにするための、信頼できるコンテンツ認証及び来歴のメカニズムを開発し、導入する',
   'Develop and deploy reliable content authentication and provenance mechanisms',
   'Where technically feasible, develop and deploy reliable content authentication and provenance mechanisms such as watermarking so that users and non-business users can recognise AI-generated content, working towards tools or APIs that check whether content came from the organisation''s advanced AI system and, as encouraged, using labels or disclaimers to show people they are interacting with AI.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C06}', 'L2864-L2880', 1700);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV08', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '社会的、安全、セキュリティ上のリスクを軽減するための研究を優先し、効果的な軽減策への投資を優先する',
   'Prioritise research and investment to mitigate societal, safety and security risks',
   'Give priority to research on reducing societal, safety and security risks, such as work on AI safety, security and trustworthiness, and to investment in effective mitigations.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C10}', 'L2884-L2888', 1800);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV09', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '世界の最大の課題、特に気候危機、世界保健、教育等（ただしこれらに限定されない）に対処するため、高度な AIシステムの開発を優先する',
   'Prioritise developing advanced AI systems to address the world''s greatest challenges',
   'Prioritise developing advanced AI systems that tackle the world''s greatest challenges, notably but not only the climate crisis, global health and education, pursuing trustworthy human-centric AI while helping raise literacy, including among non-business users.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C10}', 'L2892-L2898', 1900);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV10', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '国際的な技術規格の開発を推進し、適切な場合にはその採用を推進する',
   'Advance the development and, where appropriate, the adoption of international technical standards',
   'Help develop international technical standards and best practices, watermarking included, use them where appropriate, and cooperate with standards development organisations (SDOs).',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C10}', 'L2902-L2906', 2000);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV11', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '適切なデータインプット対策を実施し、個人データ及び知的財産を保護する',
   'Implement appropriate data input measures and protect personal data and intellectual property',
   'Apply appropriate data input measures to protect personal data and intellectual property, managing data quality in training data and data collection to reduce harmful bias, supporting appropriate transparency of training datasets, and complying with applicable legal frameworks.',
   'SHOULD',
   'Advanced-AI developers: comply (and also follow the Hiroshima Process International Code of Conduct, 第3部 L3275-L3281). Advanced-AI providers and business users: comply to the appropriate extent (I-XI include developer-only content; L2773-L2776, L3604, L3734).',
   '{C02,C03}', 'L2910-L2918', 2100);
INSERT INTO principles (id, edition_id, parent_id, kind, code, title_ja, title_en, summary_en, obligation_level, applicability, related_principles, source_lines, sort_order) VALUES
  ('ADV12', 'meti-mic-aigb-2024-draft', NULL, 'ADVANCED_AI_PRINCIPLE', NULL,
   '高度な AI システムの信頼でき責任ある利用を促進し、貢献する',
   'Promote and contribute to trustworthy and responsible use of advanced AI systems',
   'Promote and contribute to trustworthy, responsible use of advanced AI systems by giving actors and stakeholders chances to learn how such systems can amplify risks such as the spread of disinformation or create new ones, and by sharing information among actors to identify and address new risks and vulnerabilities.',
   'SHOULD',
   'All actors dealing with advanced AI systems must comply in full: developers, providers and business users alike (L2773; providers L3606; business users L3736).',
   '{C05,C08}', 'L2922-L2933', 2200);
