// A checker of SARIF 2.1.0 logs against the essential parts of the OASIS schema (sarif-schema-2.1.0.json):
// required properties, enums, integer bounds, and the closed property sets (additionalProperties: false).

type Json = Record<string, unknown>;

/** Properties the schema allows on each object kind nianbao writes (the schema closes all of them). */
// prettier-ignore
const ALLOWED: Record<string, readonly string[]> = {
  sarifLog: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: [
    'tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts',
    'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid',
    'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind',
    'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations',
    'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties',
  ],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: [
    'guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName',
    'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri',
    'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents',
    'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion',
    'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties',
  ],
  reportingDescriptor: [
    'id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription',
    'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties',
  ],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  result: [
    'ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid',
    'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs',
    'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments',
    'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties',
  ],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: [
    'startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength',
    'snippet', 'message', 'sourceLanguage', 'properties',
  ],
  logicalLocation: ['name', 'index', 'fullyQualifiedName', 'decoratedName', 'parentIndex', 'kind', 'properties'],
  artifact: [
    'description', 'location', 'parentIndex', 'offset', 'length', 'roles', 'mimeType', 'contents', 'encoding',
    'sourceLanguage', 'hashes', 'lastModifiedTimeUtc', 'properties',
  ],
};

const LEVELS = ['none', 'note', 'warning', 'error'];

/** Returns the schema violations of a SARIF 2.1.0 log (empty when it is valid in the parts checked). */
export function sarifErrors(log: unknown): string[] {
  const errors: string[] = [];
  const fail = (at: string, what: string) => errors.push(`${at}: ${what}`);
  const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

  function obj(v: unknown, kind: string, at: string, required: readonly string[] = []): v is Json {
    if (!isObj(v)) {
      fail(at, `${kind} must be an object`);
      return false;
    }
    for (const k of Object.keys(v))
      if (!ALLOWED[kind]!.includes(k)) fail(at, `${kind} has no property "${k}"`);
    for (const k of required) if (!(k in v)) fail(at, `${kind} requires "${k}"`);
    if ('properties' in v && !isObj(v.properties)) fail(`${at}.properties`, 'must be an object');
    return true;
  }
  const str = (v: unknown, at: string) => typeof v === 'string' || fail(at, 'must be a string');
  const int = (v: unknown, at: string, min: number) =>
    (Number.isInteger(v) && (v as number) >= min) || fail(at, `must be an integer ≥ ${min}`);
  const arr = (v: unknown, at: string): v is unknown[] => Array.isArray(v) || !fail(at, 'must be an array');

  function mfm(v: unknown, at: string) {
    if (obj(v, 'multiformatMessageString', at, ['text'])) str(v.text, `${at}.text`);
  }
  function message(v: unknown, at: string) {
    if (!obj(v, 'message', at)) return;
    if (!('text' in v) && !('id' in v)) fail(at, 'message requires "text" or "id"');
    if ('text' in v) str(v.text, `${at}.text`);
  }
  function artifactLocation(v: unknown, at: string) {
    if (!obj(v, 'artifactLocation', at)) return;
    if ('uri' in v) str(v.uri, `${at}.uri`);
    if ('index' in v) int(v.index, `${at}.index`, -1);
  }
  function region(v: unknown, at: string) {
    if (!obj(v, 'region', at)) return;
    if (!('startLine' in v) && !('charOffset' in v) && !('byteOffset' in v))
      fail(at, 'region requires "startLine", "charOffset" or "byteOffset"');
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'])
      if (k in v) int(v[k], `${at}.${k}`, 1);
    if (typeof v.startLine === 'number' && typeof v.endLine === 'number' && v.endLine < v.startLine)
      fail(at, 'endLine before startLine');
  }
  function location(v: unknown, at: string) {
    if (!obj(v, 'location', at)) return;
    if ('id' in v) int(v.id, `${at}.id`, -1);
    if ('message' in v) message(v.message, `${at}.message`);
    if ('physicalLocation' in v) {
      const p = v.physicalLocation;
      const pat = `${at}.physicalLocation`;
      if (obj(p, 'physicalLocation', pat)) {
        if (!('artifactLocation' in p) && !('address' in p))
          fail(pat, 'physicalLocation requires "artifactLocation" or "address"');
        if ('artifactLocation' in p) artifactLocation(p.artifactLocation, `${pat}.artifactLocation`);
        if ('region' in p) region(p.region, `${pat}.region`);
      }
    }
    if ('logicalLocations' in v && arr(v.logicalLocations, `${at}.logicalLocations`))
      v.logicalLocations.forEach((l, i) => {
        const lat = `${at}.logicalLocations[${i}]`;
        if (!obj(l, 'logicalLocation', lat)) return;
        for (const k of ['name', 'fullyQualifiedName', 'decoratedName', 'kind'])
          if (k in l) str(l[k], `${lat}.${k}`);
      });
  }

  if (!obj(log, 'sarifLog', '$', ['version', 'runs'])) return errors;
  if (log.version !== '2.1.0') fail('$.version', 'must be "2.1.0"');
  if (typeof log.$schema !== 'string' || !/sarif-(schema-)?2\.1\.0/.test(log.$schema))
    fail('$.$schema', 'must name the SARIF 2.1.0 schema');
  if (!arr(log.runs, '$.runs')) return errors;
  log.runs.forEach((run, r) => {
    const at = `$.runs[${r}]`;
    if (!obj(run, 'run', at, ['tool'])) return;
    let ruleIds: unknown[] = [];
    if (obj(run.tool, 'tool', `${at}.tool`, ['driver'])) {
      const d = run.tool.driver;
      const dat = `${at}.tool.driver`;
      if (obj(d, 'toolComponent', dat, ['name'])) {
        str(d.name, `${dat}.name`);
        if ('rules' in d && arr(d.rules, `${dat}.rules`)) {
          ruleIds = d.rules.map((x) => (isObj(x) ? x.id : undefined));
          d.rules.forEach((rule, i) => {
            const rat = `${dat}.rules[${i}]`;
            if (!obj(rule, 'reportingDescriptor', rat, ['id'])) return;
            str(rule.id, `${rat}.id`);
            if ('name' in rule) str(rule.name, `${rat}.name`);
            if ('helpUri' in rule) str(rule.helpUri, `${rat}.helpUri`);
            for (const k of ['shortDescription', 'fullDescription', 'help'])
              if (k in rule) mfm(rule[k], `${rat}.${k}`);
            if ('defaultConfiguration' in rule) {
              const c = rule.defaultConfiguration;
              if (obj(c, 'reportingConfiguration', `${rat}.defaultConfiguration`) && 'level' in c)
                if (!LEVELS.includes(c.level as string))
                  fail(`${rat}.defaultConfiguration.level`, 'bad level');
            }
          });
          if (new Set(ruleIds).size !== ruleIds.length) fail(`${dat}.rules`, 'rule ids must be unique');
        }
      }
    }
    if ('columnKind' in run && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string))
      fail(`${at}.columnKind`, 'bad columnKind');
    if ('artifacts' in run && arr(run.artifacts, `${at}.artifacts`))
      run.artifacts.forEach((a, i) => {
        if (obj(a, 'artifact', `${at}.artifacts[${i}]`) && 'location' in a)
          artifactLocation(a.location, `${at}.artifacts[${i}].location`);
      });
    if ('results' in run && arr(run.results, `${at}.results`))
      run.results.forEach((res, i) => {
        const rat = `${at}.results[${i}]`;
        if (!obj(res, 'result', rat, ['message'])) return;
        message(res.message, `${rat}.message`);
        if ('ruleId' in res) str(res.ruleId, `${rat}.ruleId`);
        if ('level' in res && !LEVELS.includes(res.level as string)) fail(`${rat}.level`, 'bad level');
        if ('ruleIndex' in res) {
          int(res.ruleIndex, `${rat}.ruleIndex`, -1);
          if (ruleIds[res.ruleIndex as number] !== res.ruleId)
            fail(`${rat}.ruleIndex`, 'must point at the rule of ruleId');
        }
        for (const k of ['locations', 'relatedLocations'])
          if (k in res && arr(res[k], `${rat}.${k}`))
            (res[k] as unknown[]).forEach((l, j) => location(l, `${rat}.${k}[${j}]`));
      });
  });
  return errors;
}
