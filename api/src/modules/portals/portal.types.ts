import { Field, GraphQLISODateTime, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/graphql/payload.js';
import { FONTS, HOME_SECTIONS, SPACINGS, type HomeSection, type ThemeFont, type ThemeSpacing } from './theme.js';
import { Node } from '../../core/graphql/node.js';

const ThemeFontEnum = Object.fromEntries(Object.keys(FONTS).map((k) => [k, k])) as Record<ThemeFont, ThemeFont>;
const ThemeSpacingEnum = Object.fromEntries(Object.keys(SPACINGS).map((k) => [k, k])) as Record<ThemeSpacing, ThemeSpacing>;
const HomeSectionEnum = Object.fromEntries(HOME_SECTIONS.map((k) => [k, k])) as Record<HomeSection, HomeSection>;

@ObjectType('Portal', { implements: Node, description: 'A portal site (门户网站) bound to one organisation.' })
export class PortalType extends Node {
  @Field({ description: 'Used in local URLs: /p/<slug>/.' }) slug!: string;
  @Field({ description: 'The portal’s title.' }) title!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

registerEnumType(ThemeFontEnum, {
  name: 'ThemeFont',
  description: 'SANS (黑体), SERIF (宋体), KAI (楷体) — each a stack of fonts the visitor already has.',
  valuesConfig: {
    SANS: { description: '黑体.' },
    SERIF: { description: '宋体.' },
    KAI: { description: '楷体.' },
  },
});
registerEnumType(ThemeSpacingEnum, {
  name: 'ThemeSpacing',
  description: 'How much space a portal’s pages leave.',
  valuesConfig: {
    COMPACT: { description: 'Tight spacing.' },
    NORMAL: { description: 'The default spacing.' },
    RELAXED: { description: 'Generous spacing.' },
  },
});
registerEnumType(HomeSectionEnum, {
  name: 'HomeSection',
  description: 'A home-page section: NEWS, NOTICES (open 公示), DISCLOSURES (latest 党务公开), FEATURED (accepted 上报), CASES, RESOURCES, LINKS (the navigation links), TREE (the organisation tree).',
  valuesConfig: {
    NEWS: { description: 'Latest 工作动态.' },
    NOTICES: { description: 'Open 公示.' },
    DISCLOSURES: { description: 'Latest 党务公开.' },
    FEATURED: { description: 'Accepted 上报 (recommended items).' },
    CASES: { description: 'Latest 经验交流.' },
    RESOURCES: { description: 'Latest 共建共享 resources.' },
    LINKS: { description: 'The navigation links.' },
    TREE: { description: 'The organisation tree.' },
  },
});

@ObjectType('ThemeLink', { description: 'A navigation link of a portal.' })
@InputType('ThemeLinkInput', { description: 'A navigation link of a portal.' })
export class ThemeLinkType {
  @Field({ description: 'The link’s text.' }) label!: string;
  @Field({ description: 'A path on the portal or an https:// address.' }) url!: string;
}

@ObjectType('PortalTheme', { description: 'A portal’s theme: design tokens, images, navigation and home-page sections.' })
export class PortalThemeType {
  @Field({ description: '#rrggbb; white text on it must reach WCAG AA (4.5:1).' }) primaryColor!: string;
  @Field({ description: '#rrggbb; 3:1 against the primary colour.' }) accentColor!: string;
  @Field(() => ThemeFontEnum, { description: 'The body font.' }) font!: ThemeFont;
  @Field(() => Int, { description: 'Corner radius in pixels, 0–24.' }) radius!: number;
  @Field(() => ThemeSpacingEnum, { description: 'How much space pages leave.' }) spacing!: ThemeSpacing;
  @Field(() => String, { description: 'The logo’s address, if any.', nullable: true }) logoUrl!: string | null;
  @Field(() => String, { description: 'The banner image’s address, if any.', nullable: true }) bannerUrl!: string | null;
  @Field(() => [ThemeLinkType], { description: 'The navigation links.' }) navigation!: ThemeLinkType[];
  @Field(() => [HomeSectionEnum], { description: 'The home page’s sections, in order.' }) homeSections!: HomeSection[];
}

@InputType({ description: 'A portal’s theme: colours, fonts, spacing, images, navigation and home sections.' })
export class PortalThemeInput {
  @Field(() => String, { description: 'The main colour (#rrggbb); contrast with white is checked.', nullable: true }) primaryColor?: string | null;
  @Field(() => String, { description: 'The accent colour (#rrggbb); contrast with white is checked.', nullable: true }) accentColor?: string | null;
  @Field(() => ThemeFontEnum, { description: 'The body font.', nullable: true }) font?: ThemeFont | null;
  @Field(() => Int, { description: 'Corner radius in pixels (0–24).', nullable: true }) radius?: number | null;
  @Field(() => ThemeSpacingEnum, { description: 'How much space pages leave.', nullable: true }) spacing?: ThemeSpacing | null;
  @Field(() => String, { nullable: true, description: 'An empty string removes it.' }) logoUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string removes it.' }) bannerUrl?: string | null;
  @Field(() => [ThemeLinkType], { description: 'The navigation links (at most 8).', nullable: true }) navigation?: ThemeLinkType[] | null;
  @Field(() => [HomeSectionEnum], { description: 'The home page’s sections, in order.', nullable: true }) homeSections?: HomeSection[] | null;
}

@ObjectType()
export class PortalPayload {
  @Field(() => PortalType, { nullable: true }) portal?: object;
  @Field(() => [UserError]) userErrors!: UserError[];
}
